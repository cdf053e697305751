//! Facts the linter and the language server share, so they cannot disagree: which version of
//! section 55 applied ([`statute`]), which recommendations a text answers in prose ([`prose`]), and what a response file says about its deadline, its items
//! and its answers ([`response`]). The dated catalogue of forces and bodies is in
//! `crate::catalogue`.

pub mod progress;
pub mod prose;
pub mod response;
pub mod statute;
