//! `section55 lsp`: the language server, on stdio, with `tower-lsp-server` and a current-thread
//! `tokio` runtime.
//!
//! - [`transport`] frames stdin and stdout itself so that no malformed message ends the session.
//! - [`state`] keeps each open document as an immutable snapshot: text, version, line index,
//!   configuration, and the parse and the lint, each computed once per version and shared by
//!   every feature.
//! - [`lint`] lints on a thread of its own, off the request path, and [`publish`] sends the
//!   findings; requests never wait for a lint except the ones that need its findings (quick
//!   fixes, pulled diagnostics), and those wait without holding up other messages.
//! - One module per feature: [`diagnostics`] (and [`workspace`], every response file in the
//!   workspace folders), [`completion`], [`hover`], [`code_action`], [`code_lens`], [`symbols`],
//!   [`definition`], [`inlay_hint`], [`formatting`]; settings in [`config`]; positions in
//!   [`position`]; the line-based reading of a cursor's place in [`context`].
//!
//! Every handler body runs under [`guard`]: a panic is caught, logged to stderr and answered as
//! an internal error (notifications are just logged), and the server stays up. `shutdown` then
//! `exit` ends with exit code 0; `exit` without `shutdown`, or stdin closing first, with 1.
//!
//! For tests, `SECTION55_LSP_PANIC=hover,didChange` makes the named handlers panic on purpose.

mod code_action;
mod code_lens;
mod completion;
mod config;
mod definition;
mod diagnostics;
mod facts;
mod formatting;
mod hover;
mod ignore_comment;
mod inlay_hint;
mod lint;
mod log;
mod position;
mod publish;
mod schema_info;
mod state;
mod symbols;
mod transport;
mod workspace;

use std::collections::HashSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, Weak};

use chrono::NaiveDate;
use serde_json::{Value as Json, json};
use tower_lsp_server::jsonrpc::{Error as RpcError, ErrorCode, Result as RpcResult};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer, LspService, Server};

use self::config::{Configs, Settings};
use self::position::Encoding;
use self::publish::Sink;
use self::state::{Snapshot, Store};

/// Requests handled at once. Quick fixes and pulled diagnostics wait for a lint; the others
/// go on being answered meanwhile. (State changes still happen in the order sent: each handler
/// changes the store before its first wait, and handlers start in the order received.)
const CONCURRENCY: usize = 16;

/// Today for the rules: `SECTION55_TODAY` if set (tests), else the system date.
pub fn today() -> NaiveDate {
    crate::dates::today(None).unwrap_or_else(|_| chrono::Local::now().date_naive())
}

/// The server as an in-process tower service, without stdio: the same handlers and document
/// store that [`run`] serves. For the fuzz target `fuzz/fuzz_targets/lsp.rs`.
#[doc(hidden)]
pub fn service() -> (LspService<Backend>, tower_lsp_server::ClientSocket) {
    LspService::new(|client| {
        let sink = Sink::Client(client.clone(), tokio::runtime::Handle::try_current().ok());
        Backend::new(client, Arc::new(AtomicBool::new(false)), sink, None)
    })
}

/// Runs the server on stdin/stdout until `exit` or the end of stdin.
pub fn run() -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_current_thread().build() {
        Ok(runtime) => runtime,
        Err(e) => {
            crate::stderr::line(&format!("section55 lsp: cannot start: {e}"));
            return ExitCode::from(1);
        }
    };
    let (out_tx, out_rx) = std::sync::mpsc::channel();
    let writer = std::thread::spawn(move || transport::write_messages(out_rx, std::io::stdout()));
    let (in_tx, in_rx) = tokio::sync::mpsc::unbounded_channel();
    let reader_out = out_tx.clone();
    let shut_down = Arc::new(AtomicBool::new(false));
    let received = shut_down.clone();
    let (ended_tx, ended) = tokio::sync::watch::channel(false);
    // Not joined: at the end it may still be blocked reading stdin, and ends with the process.
    std::thread::spawn(move || {
        let stdin = std::io::stdin().lock();
        transport::read_messages(stdin, in_tx, reader_out, &received, ended_tx)
    });

    let flag = shut_down.clone();
    let forward_out = out_tx.clone();
    let sink = Sink::Stdio(out_tx.clone());
    runtime.block_on(async move {
        let (client_in, server_in) = tokio::io::duplex(1 << 16);
        let (server_out, client_out) = tokio::io::duplex(1 << 16);
        let pump = tokio::spawn(transport::pump_input(in_rx, client_in));
        let forward = tokio::spawn(transport::forward_output(client_out, forward_out));
        let (service, socket) =
            LspService::new(|client| Backend::new(client, flag, sink, Some(ended)));
        Server::new(server_in, server_out, socket)
            .concurrency_level(CONCURRENCY)
            .serve(service)
            .await;
        let _ = forward.await;
        pump.abort();
    });
    let _ = out_tx.send(transport::Out::Done);
    let _ = writer.join();
    runtime.shutdown_background();
    if shut_down.load(Ordering::SeqCst) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Runs a handler body, turning a panic into an internal error (logged to stderr).
fn guard<T>(panic_in: &[String], name: &str, body: impl FnOnce() -> T) -> RpcResult<T> {
    let deliberate = panic_in.iter().any(|p| p == name);
    match catch_unwind(AssertUnwindSafe(|| {
        if deliberate {
            panic!("deliberate panic in {name} (SECTION55_LSP_PANIC)");
        }
        body()
    })) {
        Ok(value) => Ok(value),
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            log::line(&format!(
                "internal error in {name}: {what}; the server carries on"
            ));
            Err(RpcError {
                code: ErrorCode::InternalError,
                message: format!("section55: internal error in {name}: {what}").into(),
                data: None,
            })
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// What the client said it supports, and the settings it gave.
#[derive(Clone, Debug, Default)]
struct Session {
    encoding: Encoding,
    completion: completion::Support,
    document_changes: bool,
    link_support: bool,
    hierarchical_symbols: bool,
    pull: bool,
    configuration: bool,
    diagnostic_refresh: bool,
    watch_registration: bool,
    configuration_registration: bool,
    settings: Settings,
}

struct Inner {
    store: Mutex<Store>,
    session: Mutex<Session>,
    configs: Mutex<Configs>,
    /// Documents the client pulls diagnostics for: no longer pushed, so they are not shown twice.
    pulled: Mutex<HashSet<Uri>>,
    /// Configuration problems already shown, so each is shown once.
    reported: Mutex<HashSet<String>>,
    /// Documents waiting for the lint worker.
    lints: Arc<lint::Queue>,
    /// The workspace folders and the response files read from them.
    workspace: workspace::Workspace,
    /// Publishes happen with `store` locked, so they leave in the order the store changed.
    sink: Sink,
    /// Set at `exit` or the end of input (never for the in-process service).
    ended: Option<tokio::sync::watch::Receiver<bool>>,
    shut_down: Arc<AtomicBool>,
    panic_in: Vec<String>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        self.lints.close();
    }
}

pub struct Backend {
    client: Client,
    inner: Arc<Inner>,
}

impl Backend {
    fn new(
        client: Client,
        shut_down: Arc<AtomicBool>,
        sink: Sink,
        ended: Option<tokio::sync::watch::Receiver<bool>>,
    ) -> Self {
        let panic_in = std::env::var("SECTION55_LSP_PANIC")
            .map(|v| {
                v.split(',')
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let inner = Arc::new(Inner {
            store: Mutex::default(),
            session: Mutex::default(),
            configs: Mutex::default(),
            pulled: Mutex::default(),
            reported: Mutex::default(),
            lints: Arc::default(),
            workspace: workspace::Workspace::default(),
            sink,
            ended,
            shut_down,
            panic_in,
        });
        let server = Arc::downgrade(&inner);
        lint::spawn(inner.lints.clone(), move |uri| {
            Weak::upgrade(&server)
                .map(|inner| inner.lint_and_publish(uri))
                .is_some()
        });
        Backend { client, inner }
    }

    fn guard<T>(&self, name: &str, body: impl FnOnce() -> T) -> RpcResult<T> {
        guard(&self.inner.panic_in, name, body)
    }

    fn session(&self) -> Session {
        lock(&self.inner.session).clone()
    }

    fn snapshot(&self, uri: &Uri) -> Option<Arc<Snapshot>> {
        lock(&self.inner.store).get(uri)
    }

    /// Runs the handler `name` on the current version of `uri` on a blocking thread, for the
    /// requests that need its findings (which may mean linting it first, or waiting for the
    /// worker to finish) or take a while on a large text (formatting): the runtime goes on
    /// serving other messages. `None` when the document
    /// is not open or the session ends first.
    async fn with_findings<T: Send + 'static>(
        &self,
        uri: &Uri,
        name: &'static str,
        body: impl FnOnce(&Snapshot) -> T + Send + 'static,
    ) -> Option<RpcResult<T>> {
        let snapshot = self.snapshot(uri)?;
        self.off_runtime(name, move |_| body(&snapshot)).await
    }

    /// Runs the handler `name` on a blocking thread, while the runtime goes on serving other
    /// messages; `None` when the session ends first.
    async fn off_runtime<T: Send + 'static>(
        &self,
        name: &'static str,
        body: impl FnOnce(&Inner) -> T + Send + 'static,
    ) -> Option<RpcResult<T>> {
        let inner = self.inner.clone();
        let job =
            tokio::task::spawn_blocking(move || guard(&inner.panic_in, name, || body(&inner)));
        tokio::select! {
            done = job => done.ok(),
            () = self.inner.ended() => None,
        }
    }

    fn log(&self, kind: MessageType, message: String) {
        let client = self.client.clone();
        tokio::spawn(async move { client.log_message(kind, message).await });
    }

    /// Shows a configuration problem once.
    fn report_problem(&self, message: String) {
        if lock(&self.inner.reported).insert(message.clone()) {
            log::line(&message);
            let client = self.client.clone();
            tokio::spawn(async move {
                client
                    .show_message(MessageType::WARNING, format!("section55: {message}"))
                    .await
            });
        }
    }

    fn config_for(&self, uri: &Uri) -> Arc<crate::config::Config> {
        let settings = self.session().settings;
        let (config, problem) = lock(&self.inner.configs).for_document(uri, &settings);
        if let Some(problem) = problem {
            self.report_problem(format!("{problem} (using the defaults until it is fixed)"));
        }
        config
    }

    /// Settings or `section55.toml` changed: every open document is linted again, and every
    /// file of the workspace read again at the next pull.
    fn reconfigure(&self) {
        let uris = lock(&self.inner.store).uris();
        for uri in uris {
            let config = self.config_for(&uri);
            if lock(&self.inner.store).reconfigure(&uri, config) {
                self.inner.lints.push(uri);
            }
        }
        self.inner.workspace.reconfigured();
        self.refresh_diagnostics();
    }

    /// Asks a client that pulls diagnostics to pull them again
    /// (`workspace/diagnostic/refresh`), when it supports that.
    fn refresh_diagnostics(&self) {
        let session = self.session();
        if session.pull && session.diagnostic_refresh {
            let client = self.client.clone();
            tokio::spawn(async move {
                if let Err(e) = client.workspace_diagnostic_refresh().await {
                    log::line(&format!("workspace/diagnostic/refresh failed: {e}"));
                }
            });
        }
    }

    /// Response files changed on disk: read again in the background, then the client is asked
    /// to pull.
    fn reread(&self, paths: Vec<PathBuf>) {
        let this = Backend {
            client: self.client.clone(),
            inner: self.inner.clone(),
        };
        tokio::spawn(async move {
            let problems = this
                .off_runtime("didChangeWatchedFiles", move |inner| {
                    workspace::reread(inner, &paths)
                })
                .await;
            for problem in problems.and_then(Result::ok).unwrap_or_default() {
                this.report_problem(problem);
            }
            this.refresh_diagnostics();
        });
    }

    fn apply_settings(&self, value: &Json) {
        let settings = Settings::from_json(value);
        for problem in &settings.problems {
            self.report_problem(problem.clone());
        }
        let changed = {
            let mut session = lock(&self.inner.session);
            let changed = session.settings != settings;
            session.settings = settings;
            changed
        };
        if changed {
            self.reconfigure();
        }
    }

    /// Asks the client for the `section55` settings (in the background: the answer may take
    /// a while, and must not hold up other messages).
    fn fetch_settings(&self) {
        if !self.session().configuration {
            return;
        }
        let client = self.client.clone();
        let this = Backend {
            client: client.clone(),
            inner: self.inner.clone(),
        };
        tokio::spawn(async move {
            let item = ConfigurationItem {
                scope_uri: None,
                section: Some("section55".to_owned()),
            };
            match client.configuration(vec![item]).await {
                Ok(values) => {
                    if let Some(value) = values.into_iter().next().filter(|v| !v.is_null()) {
                        this.apply_settings(&value);
                    }
                }
                Err(e) => log::line(&format!("workspace/configuration failed: {e}")),
            }
        });
    }
}

impl Inner {
    /// The lint worker's job: lints the current version of `uri` and publishes its findings,
    /// unless by then a newer version (queued behind) or a close has replaced it, or the
    /// client pulls them.
    fn lint_and_publish(&self, uri: &Uri) {
        let Some(snapshot) = lock(&self.store).get(uri) else {
            return;
        };
        let encoding = lock(&self.session).encoding;
        let items = guard(&self.panic_in, "publishDiagnostics", || {
            diagnostics::all(&snapshot, encoding)
        });
        let store = lock(&self.store);
        if !store.is_current(&snapshot) {
            drop(store);
            // Possibly the last holder of a version already replaced.
            state::drop_snapshot(snapshot);
            return;
        }
        if let Ok(items) = items
            && !lock(&self.pulled).contains(uri)
        {
            self.sink
                .publish(uri.clone(), items, Some(snapshot.version));
        }
    }

    /// Resolves at `exit` or the end of input; never for the in-process service.
    async fn ended(&self) {
        match self.ended.clone() {
            Some(mut ended) => {
                let _ = ended.wait_for(|ended| *ended).await;
            }
            None => std::future::pending().await,
        }
    }
}

fn capabilities(session: &Session) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(session.encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                will_save: None,
                will_save_wait_until: None,
                save: None,
            },
        )),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![
                " ".into(),
                ":".into(),
                "[".into(),
                ",".into(),
                "-".into(),
            ]),
            ..CompletionOptions::default()
        }),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::new(code_action::FIX_ALL),
            ]),
            ..CodeActionOptions::default()
        })),
        document_symbol_provider: Some(OneOf::Right(DocumentSymbolOptions {
            label: Some("Section 55".to_owned()),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        definition_provider: Some(OneOf::Left(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        inlay_hint_provider: Some(OneOf::Left(true)),
        code_lens_provider: Some(CodeLensOptions {
            resolve_provider: Some(false),
        }),
        workspace: Some(WorkspaceServerCapabilities {
            workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        diagnostic_provider: session.pull.then(|| {
            DiagnosticServerCapabilities::Options(DiagnosticOptions {
                identifier: Some("section55".to_owned()),
                inter_file_dependencies: false,
                workspace_diagnostics: true,
                work_done_progress_options: WorkDoneProgressOptions::default(),
            })
        }),
        ..ServerCapabilities::default()
    }
}

/// The workspace folders' paths: `workspaceFolders`, else the older `rootUri`, else `rootPath`.
#[allow(deprecated)]
fn workspace_folders(params: &InitializeParams) -> Vec<PathBuf> {
    match &params.workspace_folders {
        Some(folders) => folders
            .iter()
            .filter_map(|f| workspace::file_path(&f.uri))
            .collect(),
        None => params
            .root_uri
            .as_ref()
            .and_then(workspace::file_path)
            .or_else(|| params.root_path.as_ref().map(PathBuf::from))
            .into_iter()
            .collect(),
    }
}

fn read_session(params: &InitializeParams) -> Session {
    let caps = &params.capabilities;
    let text = caps.text_document.as_ref();
    let workspace = caps.workspace.as_ref();
    let item = text
        .and_then(|t| t.completion.as_ref())
        .and_then(|c| c.completion_item.as_ref());
    let mut session = Session {
        encoding: Encoding::negotiate(
            caps.general
                .as_ref()
                .and_then(|g| g.position_encodings.as_deref()),
        ),
        completion: completion::Support {
            snippets: item.and_then(|i| i.snippet_support) == Some(true),
            as_is: item
                .and_then(|i| i.insert_text_mode_support.as_ref())
                .is_some_and(|m| m.value_set.contains(&InsertTextMode::AS_IS)),
        },
        document_changes: workspace
            .and_then(|w| w.workspace_edit.as_ref())
            .and_then(|e| e.document_changes)
            == Some(true),
        link_support: text
            .and_then(|t| t.definition.as_ref())
            .and_then(|d| d.link_support)
            == Some(true),
        hierarchical_symbols: text
            .and_then(|t| t.document_symbol.as_ref())
            .and_then(|s| s.hierarchical_document_symbol_support)
            == Some(true),
        pull: text.and_then(|t| t.diagnostic.as_ref()).is_some(),
        configuration: workspace.and_then(|w| w.configuration) == Some(true),
        diagnostic_refresh: workspace
            .and_then(|w| w.diagnostics.as_ref())
            .and_then(|d| d.refresh_support)
            == Some(true),
        watch_registration: workspace
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            == Some(true),
        configuration_registration: workspace
            .and_then(|w| w.did_change_configuration.as_ref())
            .and_then(|d| d.dynamic_registration)
            == Some(true),
        settings: Settings::default(),
    };
    if let Some(options) = &params.initialization_options {
        let options = options.get("section55").unwrap_or(options);
        session.settings = Settings::from_json(options);
    }
    session
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> RpcResult<InitializeResult> {
        let session = self.guard("initialize", || read_session(&params))?;
        for problem in &session.settings.problems {
            log::line(&format!("initializationOptions: {problem}"));
        }
        let result = InitializeResult {
            capabilities: capabilities(&session),
            server_info: Some(ServerInfo {
                name: "section55".to_owned(),
                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            }),
            offset_encoding: None,
        };
        *lock(&self.inner.session) = session;
        self.inner.workspace.set_folders(workspace_folders(&params));
        Ok(result)
    }

    async fn initialized(&self, _: InitializedParams) {
        let session = self.session();
        let mut registrations = Vec::new();
        if session.watch_registration {
            // Response files only for a client that pulls: their changes reach it as workspace
            // diagnostics.
            let mut watchers = vec![json!({"globPattern": "**/section55.toml"})];
            if session.pull {
                watchers.push(json!({"globPattern": "**/*.s55.yaml"}));
                watchers.push(json!({"globPattern": "**/*.s55.yml"}));
            }
            registrations.push(Registration {
                id: "section55-files".to_owned(),
                method: "workspace/didChangeWatchedFiles".to_owned(),
                register_options: Some(json!({ "watchers": watchers })),
            });
        }
        if session.configuration_registration {
            registrations.push(Registration {
                id: "section55-settings".to_owned(),
                method: "workspace/didChangeConfiguration".to_owned(),
                register_options: Some(json!({"section": "section55"})),
            });
        }
        if !registrations.is_empty() {
            let client = self.client.clone();
            tokio::spawn(async move {
                if let Err(e) = client.register_capability(registrations).await {
                    log::line(&format!("client/registerCapability failed: {e}"));
                }
            });
        }
        self.fetch_settings();
    }

    async fn shutdown(&self) -> RpcResult<()> {
        self.inner.shut_down.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let _ = self.guard("didOpen", || {
            let doc = params.text_document;
            let config = self.config_for(&doc.uri);
            lock(&self.inner.store).open(doc.uri.clone(), doc.version, doc.text, config);
            self.inner.lints.push(doc.uri);
        });
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let encoding = self.session().encoding;
        let uri = params.text_document.uri.clone();
        let applied = self.guard("didChange", || {
            lock(&self.inner.store).change(
                &uri,
                params.text_document.version,
                &params.content_changes,
                encoding,
            )
        });
        match applied {
            Ok(Some(clamped)) => {
                if clamped > 0 {
                    let message = format!(
                        "{clamped} edit(s) to {} lay outside the document and were clamped to it",
                        uri.as_str()
                    );
                    log::line(&message);
                    self.log(MessageType::WARNING, message);
                }
                self.inner.lints.push(uri);
            }
            Ok(None) => {
                let message = format!(
                    "ignored a change to {}, which is not open (send textDocument/didOpen first)",
                    uri.as_str()
                );
                log::line(&message);
                self.log(MessageType::WARNING, message);
            }
            Err(_) => {}
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let _ = self.guard("didClose", || {
            let mut store = lock(&self.inner.store);
            store.close(&uri);
            lock(&self.inner.pulled).remove(&uri);
            self.inner.sink.publish(uri, Vec::new(), None);
        });
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        if self.session().configuration {
            self.fetch_settings();
            return;
        }
        let _ = self.guard("didChangeConfiguration", || {
            let value = params
                .settings
                .get("section55")
                .cloned()
                .unwrap_or(params.settings);
            if value.is_object() {
                self.apply_settings(&value);
            }
        });
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let _ = self.guard("didChangeWatchedFiles", || {
            // A response file is read again; anything else watched is `section55.toml`.
            let (responses, others): (Vec<_>, Vec<_>) = params
                .changes
                .iter()
                .map(|c| workspace::file_path(&c.uri))
                .partition(|p| p.as_deref().is_some_and(crate::discover::is_response_file));
            if !others.is_empty() {
                lock(&self.inner.configs).clear();
                lock(&self.inner.reported).clear();
                self.reconfigure();
            }
            if !responses.is_empty() {
                self.reread(responses.into_iter().flatten().collect());
            }
        });
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        let _ = self.guard("didChangeWorkspaceFolders", || {
            let paths = |folders: &[WorkspaceFolder]| -> Vec<PathBuf> {
                folders
                    .iter()
                    .filter_map(|f| workspace::file_path(&f.uri))
                    .collect()
            };
            self.inner
                .workspace
                .change_folders(paths(&params.event.added), &paths(&params.event.removed));
            self.refresh_diagnostics();
        });
    }

    async fn workspace_diagnostic(
        &self,
        params: WorkspaceDiagnosticParams,
    ) -> RpcResult<WorkspaceDiagnosticReportResult> {
        let previous = params.previous_result_ids;
        // With a token, the reports go out as partial results, written (and serialised) by the
        // scan's thread; the response itself is then empty.
        let token = params.partial_result_params.partial_result_token;
        let (items, problems) = self
            .off_runtime("workspaceDiagnostic", move |inner| {
                let mut items = Vec::new();
                let problems = workspace::scan(inner, &previous, &mut |batch| match &token {
                    Some(token) => inner.sink.partial(
                        token,
                        &WorkspaceDiagnosticReportPartialResult { items: batch },
                    ),
                    None => items.extend(batch),
                });
                (items, problems)
            })
            .await
            .ok_or_else(RpcError::invalid_request)??;
        for problem in problems {
            self.report_problem(problem);
        }
        Ok(WorkspaceDiagnosticReportResult::Report(
            WorkspaceDiagnosticReport { items },
        ))
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> RpcResult<DocumentDiagnosticReportResult> {
        let uri = params.text_document.uri;
        let encoding = self.session().encoding;
        let previous = params.previous_result_id;
        let report = self
            .with_findings(&uri, "diagnostic", move |snapshot| {
                diagnostics::report(snapshot, encoding, previous.as_deref())
            })
            .await
            .ok_or_else(|| {
                RpcError::invalid_params(format!(
                    "{} is not open (or the session is ending)",
                    uri.as_str()
                ))
            })??;
        // The client pulls for this document from now on: clear what was pushed, push no more.
        let _store = lock(&self.inner.store);
        if lock(&self.inner.pulled).insert(uri.clone()) {
            self.inner.sink.publish(uri, Vec::new(), None);
        }
        Ok(report)
    }

    async fn completion(&self, params: CompletionParams) -> RpcResult<Option<CompletionResponse>> {
        let at = params.text_document_position;
        let Some(snapshot) = self.snapshot(&at.text_document.uri) else {
            return Ok(None);
        };
        let session = self.session();
        let items = self.guard("completion", || {
            completion::complete(&snapshot, session.encoding, at.position, session.completion)
        })?;
        Ok(Some(CompletionResponse::Array(items)))
    }

    async fn hover(&self, params: HoverParams) -> RpcResult<Option<Hover>> {
        let at = params.text_document_position_params;
        let Some(snapshot) = self.snapshot(&at.text_document.uri) else {
            return Ok(None);
        };
        let encoding = self.session().encoding;
        self.guard("hover", || hover::hover(&snapshot, encoding, at.position))
    }

    async fn code_action(&self, params: CodeActionParams) -> RpcResult<Option<CodeActionResponse>> {
        let session = self.session();
        let CodeActionParams {
            text_document,
            range,
            context,
            ..
        } = params;
        let actions = self
            .with_findings(&text_document.uri, "codeAction", move |snapshot| {
                code_action::actions(
                    snapshot,
                    session.encoding,
                    range,
                    context.only.as_deref(),
                    session.document_changes,
                )
            })
            .await;
        actions.transpose()
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> RpcResult<Option<DocumentSymbolResponse>> {
        let Some(snapshot) = self.snapshot(&params.text_document.uri) else {
            return Ok(None);
        };
        let session = self.session();
        self.guard("documentSymbol", || {
            symbols::symbols(&snapshot, session.encoding, session.hierarchical_symbols)
        })
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> RpcResult<Option<GotoDefinitionResponse>> {
        let at = params.text_document_position_params;
        let Some(snapshot) = self.snapshot(&at.text_document.uri) else {
            return Ok(None);
        };
        let session = self.session();
        self.guard("definition", || {
            definition::definition(
                &snapshot,
                session.encoding,
                at.position,
                session.link_support,
            )
        })
    }

    async fn formatting(
        &self,
        params: DocumentFormattingParams,
    ) -> RpcResult<Option<Vec<TextEdit>>> {
        // On a blocking thread: a large document takes a while, and other requests go on.
        let encoding = self.session().encoding;
        let edits = self
            .with_findings(&params.text_document.uri, "formatting", move |snapshot| {
                formatting::formatting(snapshot, encoding)
            })
            .await;
        Ok(edits.transpose()?.flatten())
    }

    async fn code_lens(&self, params: CodeLensParams) -> RpcResult<Option<Vec<CodeLens>>> {
        // On a blocking thread: the state counts the errors, so it waits for the lint.
        let encoding = self.session().encoding;
        let lenses = self
            .with_findings(&params.text_document.uri, "codeLens", move |snapshot| {
                code_lens::lenses(snapshot, encoding)
            })
            .await;
        lenses.transpose()
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> RpcResult<Option<Vec<InlayHint>>> {
        let Some(snapshot) = self.snapshot(&params.text_document.uri) else {
            return Ok(None);
        };
        let encoding = self.session().encoding;
        let hints = self.guard("inlayHint", || {
            inlay_hint::hints(&snapshot, encoding, params.range)
        })?;
        Ok(Some(hints))
    }
}
