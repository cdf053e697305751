//! Every rule's name (its code), once. Rules are defined with these constants and the front ends
//! compare against them, so a renamed rule is a compile error, never a silent mismatch.

pub const INVALID_YAML: &str = "invalid-yaml";
pub const SCHEMA: &str = "schema";
pub const MISSING_SECTION: &str = "missing-section";
pub const EMPTY_SECTION: &str = "empty-section";
pub const DEADLINE_MISMATCH: &str = "deadline-mismatch";
pub const DEADLINE_OFF_BY_ONE: &str = "deadline-off-by-one";
pub const PUBLISHED_LATE: &str = "published-late";
pub const OVERDUE: &str = "overdue";
pub const PUBLICATION_IN_FUTURE: &str = "publication-in-future";
pub const DUE_BEFORE_PUBLICATION: &str = "due-before-publication";
pub const DUE_DATE_MISMATCH: &str = "due-date-mismatch";
pub const DUPLICATE_ID: &str = "duplicate-id";
pub const UNKNOWN_RECOMMENDATION: &str = "unknown-recommendation";
pub const UNANSWERED_RECOMMENDATION: &str = "unanswered-recommendation";
pub const RESPONSE_TO_UNACCEPTED_RECOMMENDATION: &str = "response-to-unaccepted-recommendation";
pub const MISSING_NO_ACTION_REASON: &str = "missing-no-action-reason";
pub const UNANSWERED_AREA_FOR_IMPROVEMENT: &str = "unanswered-area-for-improvement";
pub const UNKNOWN_FORCE: &str = "unknown-force";
pub const UNKNOWN_PUBLICATION_TYPE: &str = "unknown-publication-type";
pub const FORCE_NOT_INSPECTED: &str = "force-not-inspected";
pub const POLICING_BODY_MISMATCH: &str = "policing-body-mismatch";
pub const PLACEHOLDER_LINK: &str = "placeholder-link";
pub const LINK_TEXT: &str = "link-text";
pub const STATUTORY_COPY_MISSING: &str = "statutory-copy-missing";
pub const UNUSED_IGNORE: &str = "unused-ignore";
pub const COMMENT_IN_TEXT: &str = "comment-in-text";
pub const CURLY_QUOTES: &str = "curly-quotes";
pub const ACTION_OVERDUE: &str = "action-overdue";
pub const UNKNOWN_PROGRESS: &str = "unknown-progress";
pub const LONG_SENTENCE: &str = "long-sentence";
pub const ACRONYM_NOT_EXPANDED: &str = "acronym-not-expanded";
pub const PASSIVE_VOICE: &str = "passive-voice";
pub const WORDS_TO_AVOID: &str = "words-to-avoid";
pub const WELSH_TEXT_MISSING: &str = "welsh-text-missing";
