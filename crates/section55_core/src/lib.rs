//! The section55 core: everything that judges, renders or imports a Section 55 response, with no
//! files to walk, no threads and no runtime, so that it also builds for `wasm32-unknown-unknown`
//! (the browser version). Layers, bottom up (see ARCHITECTURE.md): diagnostic, suggest, dates,
//! document, links, catalogue, facts, model, template, format, schema, config, rules, then
//! render and import.
//! The command line and the language server (the `section55` package) call down into it.

pub mod catalogue;
pub mod config;
pub mod dates;
pub mod diagnostic;
pub mod document;
pub mod facts;
pub mod format;
pub mod import;
pub mod links;
pub mod model;
pub mod portfolio;
pub mod render;
pub mod rules;
pub mod schema;
pub mod suggest;
pub mod template;
pub mod welsh_grammar;
