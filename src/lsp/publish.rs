//! Where `textDocument/publishDiagnostics` and the workspace scan's partial results (`$/progress`)
//! go. Over stdio the lint worker (or the scan) writes the message itself, straight to the stdout
//! writer: serialising thousands of findings then costs the worker's time, not the runtime's,
//! which goes on answering requests. Callers publish while
//! holding the document store's lock, so publishes leave in the order the store changed (a
//! document's findings never arrive after the empty list its close sent).

use serde::Serialize;
use tower_lsp_server::Client;
use tower_lsp_server::ls_types::notification::Notification as _;
use tower_lsp_server::ls_types::{
    Diagnostic, ProgressToken, PublishDiagnosticsParams, Uri, notification,
};

use super::transport::{self, Out};

pub enum Sink {
    /// Frames to the stdout writer thread (`section55 lsp`).
    Stdio(std::sync::mpsc::Sender<Out>),
    /// Through `tower-lsp-server`'s client, on the runtime the service was made in (the
    /// in-process service of the fuzz target); without a runtime, nowhere.
    Client(Client, Option<tokio::runtime::Handle>),
}

#[derive(Serialize)]
struct Notification<'a, P> {
    jsonrpc: &'static str,
    method: &'static str,
    params: &'a P,
}

/// A `$/progress` notification with a partial result (ls_types' `Progress` carries work done
/// progress only).
enum PartialResult {}

impl notification::Notification for PartialResult {
    type Params = serde_json::Value;
    const METHOD: &'static str = "$/progress";
}

#[derive(Serialize)]
struct Progress<'a, V> {
    token: &'a ProgressToken,
    value: &'a V,
}

/// Writes a notification to the stdout writer.
fn write(out: &std::sync::mpsc::Sender<Out>, method: &'static str, params: &impl Serialize) {
    let message = Notification {
        jsonrpc: "2.0",
        method,
        params,
    };
    match serde_json::to_vec(&message) {
        Ok(body) => {
            let _ = out.send(Out::Frame(transport::frame(&body)));
        }
        Err(e) => super::log::line(&format!("cannot write {method}: {e}")),
    }
}

impl Sink {
    /// Part of a request's result, for the `partialResultToken` the client gave (`$/progress`).
    pub fn partial(&self, token: &ProgressToken, value: &impl Serialize) {
        let progress = Progress { token, value };
        match self {
            Sink::Stdio(out) => write(out, PartialResult::METHOD, &progress),
            Sink::Client(client, Some(runtime)) => {
                let Ok(params) = serde_json::to_value(&progress) else {
                    return;
                };
                let client = client.clone();
                runtime
                    .spawn(async move { client.send_notification::<PartialResult>(params).await });
            }
            Sink::Client(_, None) => {}
        }
    }

    pub fn publish(&self, uri: Uri, diagnostics: Vec<Diagnostic>, version: Option<i32>) {
        let params = PublishDiagnosticsParams::new(uri, diagnostics, version);
        match self {
            Sink::Stdio(out) => write(out, notification::PublishDiagnostics::METHOD, &params),
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
