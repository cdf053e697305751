// VS Code client for the section55 language server (`section55 lsp`).
//
// The server handles only Section 55 response files, `*.s55.yaml` / `*.s55.yml`. They stay in the
// YAML language mode, so syntax highlighting and other YAML extensions (for example Red Hat's
// YAML extension with the exported JSON Schema) keep working beside it.

import { ExecFileException, execFile } from "child_process";
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
const EXE = process.platform === "win32" ? "section55.exe" : "section55";
/** Where `scripts/release.sh` puts the server in a platform package (`vsce package --target`). */
const BUNDLED = path.join("server", EXE);
const SETTING_HINT =
  `set "section55.server.path" (File > Preferences > Settings, search "section55") to the full ` +
  `path of a section55 binary for this machine, then run "Section 55: Restart Language Server"`;

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
  const command = await findServer(context);
  if (!command) return;

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

type Source = "setting" | "bundled" | "PATH";

/**
 * The server to run, in this order: the `section55.server.path` setting, the binary bundled in
 * a platform package, `section55` on PATH (or in ~/.cargo/bin). Logs which one and its version;
 * says what is wrong and how to fix it (and returns undefined) when it cannot run.
 */
async function findServer(context: vscode.ExtensionContext): Promise<string | undefined> {
  const configured = serverPathSetting();
  const bundled = context.asAbsolutePath(BUNDLED);
  let binary: string | undefined;
  let source: Source;
  if (configured !== "") {
    source = "setting";
    binary = resolveExecutable(configured);
    if (!binary) {
      return failed(
        `cannot find the language server executable "${configured}" given in "section55.server.path". ` +
          `Correct the setting, or clear it to use the server bundled with the extension or section55 on PATH.`,
      );
    }
  } else if (fs.existsSync(bundled)) {
    source = "bundled";
    binary = bundled;
  } else {
    source = "PATH";
    binary = resolveExecutable("section55");
    if (!binary) {
      return failed(
        `cannot find the language server executable "section55": this package has no bundled ` +
          `server and section55 is not on PATH (nor in ~/.cargo/bin). Install the Section 55 ` +
          `package for your platform (section55-linux-x64 or section55-win32-x64), or install ` +
          `section55 (pip install section55, or cargo install --path . in the repository) and ${SETTING_HINT}.`,
      );
    }
  }

  const foreign = foreignFormat(binary);
  const probe = foreign ? { error: foreign } : await versionOf(binary);
  if ("error" in probe) {
    const what = source === "bundled" ? "the server bundled with this extension" : `"${binary}"`;
    const fix =
      source === "bundled"
        ? `The package may be for another platform (${process.platform}-${process.arch} here) or ` +
          `damaged: reinstall the Section 55 package for this platform, or ${SETTING_HINT}.`
        : `Check that it is a section55 binary for this platform, or ${SETTING_HINT}.`;
    return failed(`${what} (${binary}) cannot run: ${probe.error}. ${fix}`);
  }
  const own = String(context.extension.packageJSON.version ?? "");
  output?.info(`Using the ${source} server ${binary}: ${probe.line}`);
  if (source !== "bundled" && own !== "" && probe.version !== own) {
    const message =
      `Section 55: the language server ${binary} (from ${source === "setting" ? '"section55.server.path"' : "PATH"}) ` +
      `is version ${probe.version} but this extension is version ${own}: findings and quick ` +
      `fixes may differ from the documentation. Install section55 ${own}, or use the package with the server inside.`;
    output?.warn(message);
    void vscode.window.showWarningMessage(message);
  }
  return binary;
}

/**
 * Why `file` cannot be a program for this machine, read from its first bytes (an executable for
 * another system would otherwise reach /bin/sh, which reports nonsense); undefined when it may be.
 */
function foreignFormat(file: string): string | undefined {
  const head = Buffer.alloc(20);
  let read = 0;
  try {
    const fd = fs.openSync(file, "r");
    try {
      read = fs.readSync(fd, head, 0, head.length, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    return `it cannot be read (${error instanceof Error ? error.message : String(error)})`;
  }
  const here = `${process.platform}-${process.arch}`;
  const isElf = read >= 20 && head.readUInt32BE(0) === 0x7f454c46;
  const isPe = read >= 2 && head.toString("latin1", 0, 2) === "MZ";
  const isScript = read >= 2 && head.toString("latin1", 0, 2) === "#!";
  if (process.platform === "win32") {
    return isPe ? undefined : `it is not a Windows program${isElf ? " (it is a Linux program)" : ""}; this is ${here}`;
  }
  if (isScript || process.platform !== "linux") return undefined; // macOS and others: Mach-O etc.
  if (isPe) return `it is a Windows program; this is ${here}`;
  if (!isElf) return `it is not a program for this system (not an ELF executable: a damaged file?); this is ${here}`;
  const machine = head.readUInt16LE(18);
  const expected: Record<string, number> = { x64: 0x3e, arm64: 0xb7, ia32: 0x03, arm: 0x28 };
  if (expected[process.arch] !== undefined && machine !== expected[process.arch]) {
    return `it is a Linux program for another processor (ELF machine ${machine}); this is ${here}`;
  }
  return undefined;
}

/** Runs `BINARY --version`: `section55 0.1.0 (commit date)` gives the version, anything else an error. */
function versionOf(binary: string): Promise<{ version: string; line: string } | { error: string }> {
  return new Promise((resolve) => {
    execFile(binary, ["--version"], { timeout: 15_000, windowsHide: true }, (error, stdout) => {
      const line = String(stdout).split(/\r?\n/)[0].trim();
      const match = /^section55 (\S+)/.exec(line);
      if (match && !error) resolve({ version: match[1], line });
      else if (error) resolve({ error: describeSpawnError(error) });
      else resolve({ error: `it does not answer --version as section55 does (it printed "${line.slice(0, 80)}")` });
    });
  });
}

function describeSpawnError(error: ExecFileException): string {
  if (error.killed) return "it did not answer --version within 15 seconds";
  if (error.code === 126 || error.code === 127) {
    return "it is not a program this system can run (a binary for another platform, or a damaged file)";
  }
  if (typeof error.code === "number") return `\`--version\` failed with exit status ${error.code}`;
  switch (error.code) {
    case "ENOEXEC":
    case "UNKNOWN":
      return "it is not a program this system can run (a binary for another platform, or a damaged file)";
    case "EACCES":
      return "it is not executable (permission denied)";
    case "ENOENT":
      return "the file is missing, or it needs a loader that is not installed";
    default:
      return error.message;
  }
}

/** Reports a server that cannot be used in the output channel and a notification; undefined. */
function failed(detail: string): undefined {
  const message = `Section 55: ${detail}`;
  output?.error(message);
  output?.info(`PATH=${process.env.PATH ?? ""}`);
  void vscode.window.showErrorMessage(message, "Open Settings", "Show Output").then((choice) => {
    if (choice === "Open Settings") {
      void vscode.commands.executeCommand("workbench.action.openSettings", "section55.server.path");
    } else if (choice === "Show Output") {
      output?.show(true);
    }
  });
  return undefined;
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

/** The `section55.server.path` setting, or "" when it is not set. */
function serverPathSetting(): string {
  const config = vscode.workspace.getConfiguration("section55");
  let value = config.get<string>("server.path", "");
  if (!vscode.workspace.isTrusted) {
    // Never run an executable chosen by an untrusted workspace's settings.
    const inspected = config.inspect<string>("server.path");
    value = inspected?.globalValue ?? inspected?.defaultValue ?? "";
  }
  return value.trim();
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
