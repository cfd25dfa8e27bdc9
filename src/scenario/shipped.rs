//! The scenarios that ship with the game, built into the binary so that
//! `harmattan run sahel_2023` works from any folder.

pub struct Shipped {
    pub name: &'static str,
    pub text: &'static str,
    /// Its texts in other languages: (language code, Fluent file).
    pub translations: &'static [(&'static str, &'static str)],
}

/// The first is the default of `harmattan play`.
pub const SHIPPED: &[Shipped] = &[
    Shipped {
        name: "sahel_2023",
        text: include_str!("../../scenarios/sahel_2023.ron"),
        translations: &[("fr", include_str!("../../scenarios/sahel_2023.fr.ftl"))],
    },
    Shipped {
        name: "west_africa_2020",
        text: include_str!("../../scenarios/west_africa_2020.ron"),
        translations: &[("fr", include_str!("../../scenarios/west_africa_2020.fr.ftl"))],
    },
    Shipped {
        name: "confederation_2025",
        text: include_str!("../../scenarios/confederation_2025.ron"),
        translations: &[("fr", include_str!("../../scenarios/confederation_2025.fr.ftl"))],
    },
    Shipped {
        name: "tutorial",
        text: include_str!("../../scenarios/tutorial.ron"),
        translations: &[("fr", include_str!("../../scenarios/tutorial.fr.ftl"))],
    },
];

pub fn find(name: &str) -> Option<&'static Shipped> {
    let stem = name.strip_suffix(".ron").unwrap_or(name);
    let stem = stem.rsplit('/').next().unwrap_or(stem);
    SHIPPED.iter().find(|s| s.name == stem)
}
