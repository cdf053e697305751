//! The office-use checklist: one line per step, ticked (`- [x]`, ☑, ✓), unticked (`- [ ]`, ☐)
//! or simply listed, which in the template means done.

use crate::dates;
use crate::model::OfficeUse;
use crate::render::labels as l;

use super::values::strip_bullet;

/// Applies one line of the checklist; false when the line names no step.
pub fn apply(office: &mut OfficeUse, line: &str) -> bool {
    let (done, text) = tick(strip_bullet(line).trim());
    let lower = text.to_lowercase();
    if lower.trim_end_matches('.') == l::NOTHING_RECORDED.to_lowercase().trim_end_matches('.') {
        return true;
    }
    if lower.starts_with(&l::DATE_PUBLISHED.to_lowercase()) || lower.starts_with("published on:") {
        office.published_on = dates::find_long_date(text).map(|(d, _)| d);
        return office.published_on.is_some();
    }
    let mut matched = false;
    let mut set = |flag: &mut Option<bool>, words: &[&str]| {
        if words.iter().any(|w| lower.contains(w)) {
            *flag = Some(done);
            matched = true;
        }
    };
    set(
        &mut office.forwarded_to_chief_constable,
        &["chief constable", "chief officer"],
    );
    set(&mut office.forwarded_to_police_and_crime_panel, &["panel"]);
    set(
        &mut office.submitted_to_hmicfrs,
        &["hmicfrs", "inspectorate"],
    );
    set(
        &mut office.sent_to_home_secretary,
        &["home secretary", "secretary of state", "home office"],
    );
    set(&mut office.published_on_website, &["published", "website"]);
    if done
        && lower.contains("published")
        && let Some((date, _)) = dates::find_long_date(text)
    {
        office.published_on = Some(date);
    }
    matched
}

/// Whether a step is ticked, and its text.
fn tick(text: &str) -> (bool, &str) {
    let marks = [
        ("[x]", true),
        ("[X]", true),
        ("[ ]", false),
        ("\u{2611}", true),
        ("\u{2612}", true),
        ("\u{2713}", true),
        ("\u{2714}", true),
        ("\u{2610}", false),
    ];
    marks
        .iter()
        .find_map(|(mark, done)| text.strip_prefix(mark).map(|rest| (*done, rest.trim())))
        .unwrap_or((true, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_ticked_unticked_and_listed_steps() {
        let mut office = OfficeUse::default();
        assert!(apply(
            &mut office,
            "- Response forwarded to the Chief Constable."
        ));
        assert!(apply(
            &mut office,
            "- [ ] Response forwarded to the Norfolk Police and Crime Panel."
        ));
        assert!(apply(
            &mut office,
            "☑ Response submitted to the HMICFRS monitoring portal."
        ));
        assert!(apply(
            &mut office,
            "- Response published on the OPCC website on 10 December 2025."
        ));
        assert!(apply(&mut office, "- Date published: 11 December 2025"));
        assert!(!apply(&mut office, "- Tea made."));
        assert_eq!(office.forwarded_to_chief_constable, Some(true));
        assert_eq!(office.forwarded_to_police_and_crime_panel, Some(false));
        assert_eq!(office.submitted_to_hmicfrs, Some(true));
        assert_eq!(office.sent_to_home_secretary, None);
        assert_eq!(office.published_on_website, Some(true));
        assert_eq!(
            office.published_on,
            chrono::NaiveDate::from_ymd_opt(2025, 12, 11)
        );
    }
}
