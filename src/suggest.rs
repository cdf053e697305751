//! "Did you mean" suggestions, shared by unknown keys, names and rule names.

/// The canonical names of the closest candidates to `name` (compared as lower case), best first,
/// at most `limit`, each at most once. Candidates are (spelling to compare, name to suggest).
pub fn closest<'a>(
    name: &str,
    candidates: impl Iterator<Item = (&'a str, &'a str)>,
    limit: usize,
) -> Vec<String> {
    let wanted = name.trim().to_lowercase();
    let mut scored: Vec<(f64, &str)> = candidates
        .map(|(alias, canonical)| {
            (
                strsim::jaro_winkler(&wanted, &alias.to_lowercase()),
                canonical,
            )
        })
        .filter(|(score, _)| *score >= 0.75)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut names: Vec<String> = Vec::new();
    for (_, canonical) in scored {
        if names.len() == limit {
            break;
        }
        if !names.iter().any(|n| n == canonical) {
            names.push(canonical.to_owned());
        }
    }
    names
}

/// The single closest of `candidates`, if any is close.
pub fn best<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    closest(name, candidates.into_iter().map(|c| (c, c)), 1).pop()
}

/// " (did you mean `x`?)" or nothing.
pub fn did_you_mean<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    best(name, candidates)
        .map(|c| format!(" (did you mean `{c}`?)"))
        .unwrap_or_default()
}
