//! The commented starting file `harmattan new-scenario` writes.

const TEMPLATE: &str = include_str!("../../assets/new_scenario.ron");

/// The template with its title made from `name` (`lake_chad` → "Lake chad").
pub fn new_scenario(name: &str) -> String {
    let mut title: String = name.replace('_', " ");
    if let Some(first) = title.get(0..1) {
        title = first.to_uppercase() + &title[1..];
    }
    TEMPLATE.replace("{{TITLE}}", &title)
}
