//! Welsh grammar the documents need: the soft mutation of a word after a preposition ("i",
//! "o"), which Welsh labels ("Ymateb i Faes i'w wella 1") and Welsh dates ("5 o Fawrth 2024")
//! both follow. Below the dates and the documents, which use it.

/// `text` with its first word softly mutated, as Welsh writes a noun after the preposition "i"
/// ("Ymateb i Faes i'w wella 1", not "i Maes"): c→g, p→b, t→d, g→(dropped), b→f, d→dd, m→f,
/// ll→l, rh→r. The mutations as Gareth King sets them out, *Modern Welsh: A Comprehensive
/// Grammar* (3rd ed., Routledge, 2016), §§ 5–6 (soft mutation after prepositions).
pub fn soft_mutation(text: &str) -> String {
    const PAIRS: [(&str, &str); 18] = [
        ("Ll", "L"),
        ("Rh", "R"),
        ("ll", "l"),
        ("rh", "r"),
        ("C", "G"),
        ("P", "B"),
        ("T", "D"),
        ("B", "F"),
        ("D", "Dd"),
        ("M", "F"),
        ("c", "g"),
        ("p", "b"),
        ("t", "d"),
        ("b", "f"),
        ("d", "dd"),
        ("m", "f"),
        ("G", ""),
        ("g", ""),
    ];
    // "Ch", "Ph", "Th" and "Dd" are letters of their own and do not mutate softly.
    let fixed = ["Ch", "Ph", "Th", "Dd", "ch", "ph", "th", "dd"];
    if fixed.iter().any(|f| text.starts_with(f)) {
        return text.to_owned();
    }
    for (from, to) in PAIRS {
        if let Some(rest) = text.strip_prefix(from) {
            // A dropped capital G leaves the next letter to carry the capital.
            if to.is_empty() && from == "G" {
                let mut chars = rest.chars();
                return match chars.next() {
                    Some(first) => first.to_uppercase().chain(chars).collect(),
                    None => text.to_owned(),
                };
            }
            return format!("{to}{rest}");
        }
    }
    text.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn welsh_mutates_softly_after_i() {
        assert_eq!(soft_mutation("Maes i'w wella 1"), "Faes i'w wella 1");
        assert_eq!(soft_mutation("Argymhelliad 1"), "Argymhelliad 1");
        assert_eq!(soft_mutation("Cam gweithredu"), "Gam gweithredu");
        assert_eq!(soft_mutation("Gwaith"), "Waith");
        assert_eq!(soft_mutation("Llais"), "Lais");
        assert_eq!(soft_mutation("Dyfarniad"), "Ddyfarniad");
        assert_eq!(soft_mutation("Chwarter"), "Chwarter");
        assert_eq!(soft_mutation(""), "");
    }
}
