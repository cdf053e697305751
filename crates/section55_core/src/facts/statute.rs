//! Which version of section 55 of the Police Act 1996 applied to a report, by its publication
//! date.
//!
//! Section 37 of the Policing and Crime Act 2017 inserted s.55(5A) (publish within 56 days
//! beginning with the day the report is published) and s.55(5B) (explain the action taken or
//! proposed, or why none, for every recommendation), and replaced the end of s.55(6) (a copy to
//! the inspectors and to the Secretary of State). SI 2017/399 (the Policing and Crime Act 2017
//! (Commencement No. 1 and Transitional Provisions) Regulations 2017), reg. 4(a), brought s.37 into
//! force on 2 May 2017. Before then s.55(5) only required the comments to be published "in such
//! manner as appears to the authority to be appropriate": no period, and no duty to answer each
//! recommendation. No transitional provision of SI 2017/399 applying s.37 to reports published
//! earlier has been found, so a report published before 2 May 2017 is judged by the original
//! section (sources: `catalogues/README.md`).

use chrono::NaiveDate;

/// The day s.37 of the Policing and Crime Act 2017 came into force (SI 2017/399, reg. 4(a)).
pub const COMMENCEMENT: NaiveDate = match NaiveDate::from_ymd_opt(2017, 5, 2) {
    Some(date) => date,
    None => NaiveDate::MIN,
};

/// A version of section 55.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    /// As enacted in 1996 (with "local policing body" from 22 November 2012): publish the
    /// comments as the body thinks appropriate; no period, no duty per recommendation.
    Original,
    /// As amended by s.37 of the Policing and Crime Act 2017, from 2 May 2017: s.55(5A), (5B) and
    /// the new (6).
    Amended2017,
}

impl Version {
    /// The version that applied to a report published on `published`.
    pub fn for_report(published: NaiveDate) -> Version {
        if published >= COMMENCEMENT {
            Version::Amended2017
        } else {
            Version::Original
        }
    }

    /// Whether s.55(5A)'s 56-day period applies.
    pub fn has_period(self) -> bool {
        self == Version::Amended2017
    }

    /// Whether s.55(5B) requires an explanation for every recommendation.
    pub fn requires_explanations(self) -> bool {
        self == Version::Amended2017
    }

    /// Whether s.55(6) requires copies to the inspectors and the Secretary of State.
    pub fn requires_copies(self) -> bool {
        self == Version::Amended2017
    }

    /// Why this version applies to a report published on `published`, for rule documentation,
    /// hover and messages.
    pub fn explain(self, published: NaiveDate) -> String {
        match self {
            Version::Amended2017 => format!(
                "the report was published on {}, on or after 2 May 2017, when s.37 of the Policing and Crime Act 2017 inserted s.55(5A) and (5B) (SI 2017/399, reg. 4(a))",
                crate::dates::long(published)
            ),
            Version::Original => format!(
                "the report was published on {}, before s.55(5A) and (5B) came into force on 2 May 2017 (SI 2017/399, reg. 4(a)): section 55 then set no period and asked for no explanation per recommendation",
                crate::dates::long(published)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_day_of_commencement_is_the_first_under_the_amended_section() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN);
        assert_eq!(Version::for_report(day(2017, 5, 1)), Version::Original);
        assert_eq!(Version::for_report(day(2017, 5, 2)), Version::Amended2017);
        assert!(!Version::Original.has_period());
        assert!(Version::Amended2017.requires_explanations());
    }
}
