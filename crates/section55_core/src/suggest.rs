//! "Did you mean" suggestions, shared by unknown keys, names and rule names.

/// The canonical names of the closest candidates to `name` (compared as lower case), best first,
/// at most `limit`, each at most once. Candidates are (spelling to compare, name to suggest).
pub fn closest<'a>(
    name: &str,
    candidates: impl Iterator<Item = (&'a str, &'a str)>,
    limit: usize,
) -> Vec<String> {
    let wanted = name.trim().to_lowercase();
    let wanted_len = wanted.chars().count();
    // One buffer for every candidate in lower case, and a bound that skips the ones too different
    // in length to score: a file with a million unknown keys scores each against the catalogue
    // or the schema's keys. `strsim::jaro_winkler` on `&str` is compiled in strsim, which even
    // debug builds optimise (Cargo.toml), so the tests' largest files stay quick to check.
    let mut alias_lower = String::new();
    let mut scored: Vec<(f64, &str)> = candidates
        .filter_map(|(alias, canonical)| {
            let alias_len = lower_into(alias, &mut alias_lower);
            if best_possible(wanted_len, alias_len) < MIN_SCORE {
                return None;
            }
            let score = strsim::jaro_winkler(&wanted, &alias_lower);
            (score >= MIN_SCORE).then_some((score, canonical))
        })
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

/// The Jaro-Winkler similarity a suggestion needs.
const MIN_SCORE: f64 = 0.75;

/// `text` in lower case (as `str::to_lowercase` has it) into `out`; its length in characters.
fn lower_into(text: &str, out: &mut String) -> usize {
    out.clear();
    if text.is_ascii() {
        out.push_str(text);
        out.make_ascii_lowercase();
        out.len()
    } else {
        out.push_str(&text.to_lowercase());
        out.chars().count()
    }
}

/// The highest Jaro-Winkler similarity two texts of these lengths (in characters) can have: at
/// most the shorter length matches, and a common prefix of 4 adds 0.4 of the rest.
fn best_possible(a: usize, b: usize) -> f64 {
    if a == 0 || b == 0 {
        return if a == b { 1.0 } else { 0.0 };
    }
    let matches = a.min(b) as f64;
    let jaro = (matches / a as f64 + matches / b as f64 + 1.0) / 3.0;
    jaro + 0.4 * (1.0 - jaro)
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

    #[test]
    fn the_length_bound_never_exceeds_a_real_score_and_scores_match_strsim() {
        let words = [
            "",
            "a",
            "k5",
            "force",
            "forces",
            "Forse",
            "recommendations",
            "Surrey Police",
            "surey police",
            "Nowhere Police 00001",
            "Kent Police",
            "ÉCOLE",
            "école",
            "Σίσυφος",
        ];
        let mut buffer = String::new();
        for a in words {
            for b in words {
                let expected = strsim::jaro_winkler(&a.to_lowercase(), &b.to_lowercase());
                let wanted = a.to_lowercase();
                let length = lower_into(b, &mut buffer);
                assert_eq!(buffer, b.to_lowercase(), "{b:?}");
                assert_eq!(length, buffer.chars().count(), "{b:?}");
                let score = strsim::jaro_winkler(&wanted, &buffer);
                assert_eq!(score, expected, "{a:?} {b:?}");
                assert!(
                    best_possible(wanted.chars().count(), length) >= score,
                    "{a:?} {b:?}"
                );
            }
        }
    }
}
