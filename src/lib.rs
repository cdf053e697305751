//! section55: a linter and language server for Section 55 responses (Police Act 1996, s.55).
//! Layers, bottom up (see ARCHITECTURE.md): stderr, diagnostic, suggest, document, catalogue, model,
//! schema, config, rules, then the front ends `cli` and `lsp`, which only call down.

pub mod catalogue;
pub mod config;
pub mod dates;
pub mod diagnostic;
pub mod document;
pub mod facts;
pub mod import;
pub mod model;
pub mod render;
pub mod schema;
pub mod stderr;
pub mod suggest;
pub mod template;

pub mod cli;
pub mod lsp;
pub mod rules;
