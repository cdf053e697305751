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

/// Whether `a` and `b` are the same word written differently: apart from case, spaces, hyphens
/// and underscores ("Partially accepted" and `partially-accepted`), at most one letter added,
/// dropped, changed or two swapped, in a word long enough that one slip cannot make another
/// word (`acepted`, not `rejected`). Replacing one with the other corrects a spelling and changes
/// nothing the response says.
pub fn same_spelling(a: &str, b: &str) -> bool {
    let letters = |s: &str| {
        s.chars()
            .filter(|c| !matches!(c, ' ' | '-' | '_'))
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let (a, b) = (letters(a), letters(b));
    a == b
        || (a.chars().count().min(b.chars().count()) >= 5
            && strsim::damerau_levenshtein(&a, &b) <= 1)
}

/// A fix that corrects a spelling is safe; one that picks a different word is not.
pub fn applicability(given: &str, suggested: &str) -> crate::diagnostic::Applicability {
    if same_spelling(given, suggested) {
        crate::diagnostic::Applicability::Safe
    } else {
        crate::diagnostic::Applicability::Unsafe
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spelling_is_case_separators_or_one_slip() {
        assert!(same_spelling("Partially accepted", "partially-accepted"));
        assert!(same_spelling("acepted", "accepted"));
        assert!(same_spelling("respone_deadline", "response_deadline"));
        assert!(!same_spelling("rejected", "accepted"));
        assert!(!same_spelling("accepted", "not-accepted"));
        assert!(!same_spelling("Essex Police", "Sussex Police"));
        assert!(!same_spelling("due", "dur"));
    }
}
