// VS Code client for the section55 language server (`section55 lsp`).
//
// The server handles only Section 55 response files, `*.s55.yaml` / `*.s55.yml`. They stay in the
// YAML language mode, so syntax highlighting and other YAML extensions (for example Red Hat's
// YAML extension with the exported JSON Schema) keep working beside it.

import * as fs from "fs";
import * as path from "path";
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

const CLIENT_ID = "section55"; // the trace setting is `${CLIENT_ID}.trace.server`
const CLIENT_NAME = "Section 55";
const FILE_PATTERN = "**/*.s55.{yaml,yml}";

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(output, { dispose: () => void stopClient() });

  context.subscriptions.push(
    vscode.commands.registerCommand("section55.restartServer", async () => {
      await stopClient();
      await startClient(context);
    }),
    vscode.commands.registerCommand("section55.showOutput", () => output?.show(true)),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("section55.server.path")) {
        await stopClient();
        await startClient(context);
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      await stopClient();
      await startClient(context);
    }),
  );

  await startClient(context);
}

export async function deactivate(): Promise<void> {
  await stopClient();
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const configured = serverPathSetting();
  const command = resolveExecutable(configured);
  if (!command) {
    const message =
      `Section 55: cannot find the language server executable "${configured}". ` +
      `Install it (for example \`cargo install --path .\` in the section55 repository, which puts ` +
      `\`section55\` in ~/.cargo/bin) and make sure it is on PATH, or set "section55.server.path" ` +
      `to the full path of the section55 binary.`;
    output?.appendLine(message);
    output?.appendLine(`PATH=${process.env.PATH ?? ""}`);
    void vscode.window.showErrorMessage(message, "Open Settings", "Show Output").then((choice) => {
      if (choice === "Open Settings") {
        void vscode.commands.executeCommand("workbench.action.openSettings", "section55.server.path");
      } else if (choice === "Show Output") {
        output?.show(true);
      }
    });
    return;
  }

  const serverOptions: ServerOptions = {
    command,
    args: ["lsp"],
    transport: TransportKind.stdio,
    options: { env: process.env },
  };
  const clientOptions: LanguageClientOptions = {
    // Matched by file name, not by language id: the files keep the YAML language mode.
    documentSelector: [
      { scheme: "file", language: "yaml", pattern: FILE_PATTERN },
      { scheme: "vscode-remote", language: "yaml", pattern: FILE_PATTERN },
    ],
    synchronize: {
      // The server reads section55.toml (per-rule severities, catalogue extensions).
      fileEvents: vscode.workspace.createFileSystemWatcher("**/section55.toml"),
    },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };

  output?.appendLine(`Starting ${command} lsp`);
  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    const message = `Section 55: the language server "${command} lsp" failed to start: ${
      error instanceof Error ? error.message : String(error)
    }. Check "section55.server.path" and that this section55 version has the \`lsp\` command.`;
    output?.appendLine(message);
    void vscode.window.showErrorMessage(message, "Show Output").then((choice) => {
      if (choice === "Show Output") output?.show(true);
    });
    client = undefined;
  }
}

async function stopClient(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    try {
      await running.stop();
    } catch {
      // the process may already be gone
    }
  }
}

function serverPathSetting(): string {
  const config = vscode.workspace.getConfiguration("section55");
  let value = config.get<string>("server.path", "section55").trim();
  if (!vscode.workspace.isTrusted) {
    // Never run an executable chosen by an untrusted workspace's settings.
    const inspected = config.inspect<string>("server.path");
    value = (inspected?.globalValue ?? inspected?.defaultValue ?? "section55").trim();
  }
  return value === "" ? "section55" : value;
}

/** Resolves the configured server path to an executable file, or returns undefined. */
function resolveExecutable(configured: string): string | undefined {
  const expanded = configured.startsWith("~")
    ? path.join(process.env.HOME ?? process.env.USERPROFILE ?? "", configured.slice(1))
    : configured;
  const extensions =
    process.platform === "win32"
      ? ["", ...(process.env.PATHEXT ?? ".EXE;.CMD;.BAT;.COM").split(";").filter(Boolean)]
      : [""];

  const hasSeparator = expanded.includes("/") || (process.platform === "win32" && expanded.includes("\\"));
  if (hasSeparator || path.isAbsolute(expanded)) {
    const candidates = path.isAbsolute(expanded)
      ? [expanded]
      : (vscode.workspace.workspaceFolders ?? []).map((f) => path.join(f.uri.fsPath, expanded));
    for (const base of candidates) {
      for (const ext of extensions) {
        if (isExecutable(base + ext)) return base + ext;
      }
    }
    return undefined;
  }

  const dirs = (process.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  const home = process.env.HOME ?? process.env.USERPROFILE;
  if (home) dirs.push(path.join(home, ".cargo", "bin")); // where `cargo install` puts it
  for (const dir of dirs) {
    for (const ext of extensions) {
      const candidate = path.join(dir, expanded + ext);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return false;
    if (process.platform === "win32") return true;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
