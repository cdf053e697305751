//! Links in a response's texts, written the way offices write them (a little Markdown):
//! `[text](address)` and bare web addresses. Render turns them into anchors; the `link-text`
//! rule judges their wording.

/// The longest address read as a link; bounding the search keeps text full of brackets linear.
const MAX_ADDRESS: usize = 2048;

/// A link found at the start of a piece of text.
#[derive(Debug, PartialEq, Eq)]
pub struct Link<'a> {
    /// What the reader sees: the bracketed text, or the address itself when it is bare.
    pub text: &'a str,
    pub address: &'a str,
    /// Written as a bare address, not `[text](address)`.
    pub bare: bool,
    /// Bytes of the text the link takes up.
    pub len: usize,
}

/// The link that `s` starts with, if any.
pub fn at(s: &str) -> Option<Link<'_>> {
    markdown_link(s).or_else(|| bare_address(s))
}

/// Whether `url` is an http or https address with no spaces in it.
pub fn is_web_address(url: &str) -> bool {
    has_scheme(url) && !url.contains(char::is_whitespace)
}

/// Whether `s` starts with `https://` or `http://`, in any case (without allocating: this is
/// asked at every letter h of every text).
fn has_scheme(s: &str) -> bool {
    let starts = |scheme: &str| {
        s.as_bytes()
            .get(..scheme.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(scheme.as_bytes()))
    };
    starts("https://") || starts("http://")
}

/// `[text](address)` at the start of `s`.
fn markdown_link(s: &str) -> Option<Link<'_>> {
    let inner = s.strip_prefix('[')?;
    // A link's text has no brackets of its own: stop at the first one.
    let close = inner.find(['[', ']'])?;
    let after = inner[close..].strip_prefix("](")?;
    let end = prefix(after, MAX_ADDRESS).find(')')?;
    let address = after[..end]
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>');
    Some(Link {
        text: &inner[..close],
        address,
        bare: false,
        len: s.len() - after.len() + end + 1,
    })
}

fn bare_address(s: &str) -> Option<Link<'_>> {
    if !has_scheme(s) {
        return None;
    }
    let end = s.find(char::is_whitespace).unwrap_or(s.len());
    let url = s[..end].trim_end_matches(['.', ',', ';', ':', ')', '!', '?']);
    (is_web_address(url) && !url.ends_with("//")).then_some(Link {
        text: url,
        address: url,
        bare: true,
        len: url.len(),
    })
}

/// At most the first `max` bytes of `s`, cut at a character boundary.
fn prefix(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_markdown_links_and_bare_addresses() {
        let s = "[the report](https://x.gov.uk/a) and more";
        let link = at(s).expect("a link");
        assert_eq!(
            (link.text, link.address, link.bare),
            ("the report", "https://x.gov.uk/a", false)
        );
        assert_eq!(&s[link.len..], " and more");
        let s = "https://x.gov.uk/a. Next";
        let link = at(s).expect("a bare address");
        assert_eq!(
            (link.text, link.bare, &s[link.len..]),
            ("https://x.gov.uk/a", true, ". Next")
        );
        assert_eq!(at("[a] (b)"), None);
        assert_eq!(at("http://"), None);
        assert_eq!(at("text"), None);
    }
}
