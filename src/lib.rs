//! section55: a linter and language server for Section 55 responses (Police Act 1996, s.55).
//! This package is the front ends: the command line (`cli`) and the language server (`lsp`), which
//! only call down into the core (`section55_core`: document, catalogues and dated facts, model,
//! template, rules, render, import; see ARCHITECTURE.md). The core's modules are re-exported here
//! so that `section55::rules` and `crate::rules` name the one core.

pub use section55_core::{
    catalogue, config, dates, diagnostic, document, facts, format, import, model, portfolio,
    render, rules, schema, suggest, template,
};

pub mod cli;
pub mod discover;
pub mod lsp;
pub mod stderr;
