//! Where `textDocument/publishDiagnostics` goes. Over stdio the lint worker writes the message
//! itself, straight to the stdout writer: serialising thousands of findings then costs the
//! worker's time, not the runtime's, which goes on answering requests. Callers publish while
//! holding the document store's lock, so publishes leave in the order the store changed (a
//! document's findings never arrive after the empty list its close sent).

use serde::Serialize;
use tower_lsp_server::Client;
use tower_lsp_server::ls_types::{Diagnostic, PublishDiagnosticsParams, Uri};

use super::transport::{self, Out};

pub enum Sink {
    /// Frames to the stdout writer thread (`section55 lsp`).
    Stdio(std::sync::mpsc::Sender<Out>),
    /// Through `tower-lsp-server`'s client, on the runtime the service was made in (the
    /// in-process service of the fuzz target); without a runtime, nowhere.
    Client(Client, Option<tokio::runtime::Handle>),
}

#[derive(Serialize)]
struct Notification<'a> {
    jsonrpc: &'static str,
    method: &'static str,
    params: &'a PublishDiagnosticsParams,
}

impl Sink {
    pub fn publish(&self, uri: Uri, diagnostics: Vec<Diagnostic>, version: Option<i32>) {
        let params = PublishDiagnosticsParams::new(uri, diagnostics, version);
        match self {
            Sink::Stdio(out) => {
                let message = Notification {
                    jsonrpc: "2.0",
                    method: "textDocument/publishDiagnostics",
                    params: &params,
                };
                match serde_json::to_vec(&message) {
                    Ok(body) => {
                        let _ = out.send(Out::Frame(transport::frame(&body)));
                    }
                    Err(e) => super::log::line(&format!("cannot write diagnostics: {e}")),
                }
            }
            Sink::Client(client, Some(runtime)) => {
                let client = client.clone();
                runtime.spawn(async move {
                    client
                        .publish_diagnostics(params.uri, params.diagnostics, params.version)
                        .await
                });
            }
            Sink::Client(_, None) => {}
        }
    }
}
