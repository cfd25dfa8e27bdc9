//! Names in messages: "did you mean …" for a mistyped id, and ids shown
//! so that an absurdly long one cannot flood a message. Used wherever
//! input is checked (scenarios, rules, saves, the command line).

/// The closest of `candidates` to `wrong`, if any is close enough to be a
/// plausible typo. The work is bounded whatever the input: ids longer than
/// [`SUGGEST_MAX_CHARS`] are never typos of a short one, candidates whose
/// length rules them out are skipped before comparing, and at most
/// [`SUGGEST_MAX_CANDIDATES`] are compared.
pub fn suggest<'a>(wrong: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let n = wrong.chars().count();
    if n > SUGGEST_MAX_CHARS {
        return None;
    }
    let wrong_l = wrong.to_lowercase();
    candidates
        .filter(|c| c.len() <= SUGGEST_MAX_CHARS * 4)
        .map(|c| (c, c.chars().count()))
        .filter(|(_, m)| *m <= SUGGEST_MAX_CHARS && n.abs_diff(*m) <= 2.max(m / 3))
        .take(SUGGEST_MAX_CANDIDATES)
        .map(|(c, m)| (c, m, strsim::damerau_levenshtein(&wrong_l, &c.to_lowercase())))
        .filter(|(_, m, d)| *d <= 2.max(m / 3))
        .min_by_key(|(_, _, d)| *d)
        .map(|(c, _, _)| c)
}

/// Longest id that "did you mean" compares.
pub const SUGGEST_MAX_CHARS: usize = 64;
/// Most candidates one "did you mean" compares.
pub const SUGGEST_MAX_CANDIDATES: usize = 4096;

/// A name cut to the first [`SUGGEST_MAX_CHARS`] characters.
fn cut(name: &str) -> &str {
    match name.char_indices().nth(SUGGEST_MAX_CHARS) {
        Some((i, _)) => &name[..i],
        None => name,
    }
}

/// A name as a message shows it: an absurdly long one is cut, not printed
/// whole.
pub fn shown(name: &str) -> String {
    let short = cut(name);
    if short.len() == name.len() {
        name.to_string()
    } else {
        format!("{short}… ({} characters)", name.chars().count())
    }
}

/// A list of known ids for a message: the first few and how many more.
pub fn known_list(known: &[&str]) -> String {
    const SHOWN: usize = 12;
    let shown: Vec<&str> = known.iter().take(SHOWN).map(|k| cut(k)).collect();
    if known.len() > SHOWN {
        format!("{} and {} more", shown.join(", "), known.len() - SHOWN)
    } else {
        shown.join(", ")
    }
}
