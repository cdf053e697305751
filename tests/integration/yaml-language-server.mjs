// (e) The exported schema in yaml-language-server (npm), driven over stdio as an editor would:
//  - completion after `force: ` in a file that names the schema with the modeline
//    `# yaml-language-server: $schema=<path>` offers "Norfolk Constabulary";
//  - the same through the `yaml.schemas` setting instead of the modeline;
//  - its validation verdict on each example agrees with section55's schema-level verdict.
// Usage: node yaml-language-server.mjs  (environment: SECTION55, SCHEMA, EXAMPLES, SECTION55_TODAY)
// Prints "ok - ..." / "not ok - ..." lines; exits non-zero on failure.

import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const serverMain = require.resolve("yaml-language-server/bin/yaml-language-server");
const serverVersion = require("yaml-language-server/package.json").version;
const section55 = process.env.SECTION55;
const schema = path.resolve(process.env.SCHEMA);
const examples = process.env.EXAMPLES;
const mainExample = process.env.MAIN_EXAMPLE;

let passed = 0;
let failed = 0;
const ok = (what) => { passed++; console.log(`ok - ${what}`); };
const notOk = (what, detail) => {
  failed++;
  console.log(`not ok - ${what}`);
  if (detail) console.log(String(detail).replace(/^/gm, "    "));
};

/** A minimal LSP client over stdio (Content-Length framing, JSON-RPC 2.0). */
class Client {
  constructor(settings) {
    this.settings = settings;
    this.proc = spawn(process.execPath, [serverMain, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
    this.nextId = 1;
    this.pending = new Map();
    this.diagnostics = new Map();
    this.waiters = [];
    this.buffer = Buffer.alloc(0);
    this.stderr = "";
    this.proc.stderr.on("data", (d) => { this.stderr += d; });
    this.proc.stdout.on("data", (d) => this.onData(d));
  }
  onData(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString();
      const length = Number(/Content-Length: (\d+)/i.exec(header)[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString("utf8");
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.onMessage(JSON.parse(body));
    }
  }
  onMessage(msg) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      if (p) { this.pending.delete(msg.id); msg.error ? p.reject(msg.error) : p.resolve(msg.result); }
      return;
    }
    if (msg.method === "textDocument/publishDiagnostics") {
      this.diagnostics.set(msg.params.uri, msg.params.diagnostics);
      this.waiters = this.waiters.filter((w) => !w());
    }
    if (msg.id !== undefined) {
      // Requests from the server: configuration, registrations, progress, ...
      let result = null;
      if (msg.method === "workspace/configuration") {
        result = msg.params.items.map((item) => (item.section ? this.settings[item.section] ?? null : this.settings));
        if (msg.params.items.some((item) => item.section === "yaml")) this.configured = true;
      }
      this.send({ jsonrpc: "2.0", id: msg.id, result });
    }
  }
  send(msg) {
    const body = Buffer.from(JSON.stringify(msg), "utf8");
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }
  request(method, params, ms = 15000) {
    const id = this.nextId++;
    this.send({ jsonrpc: "2.0", id, method, params });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method} timed out\n${this.stderr}`)), ms);
      this.pending.set(id, {
        resolve: (v) => { clearTimeout(timer); resolve(v); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
    });
  }
  notify(method, params) { this.send({ jsonrpc: "2.0", method, params }); }
  async start(rootDir) {
    await this.request("initialize", {
      processId: process.pid,
      rootUri: pathToFileURL(rootDir).href,
      capabilities: {
        textDocument: {
          completion: { completionItem: { snippetSupport: true, documentationFormat: ["markdown", "plaintext"] } },
          hover: { contentFormat: ["markdown", "plaintext"] },
          publishDiagnostics: {},
          synchronization: { dynamicRegistration: false },
        },
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      },
      initializationOptions: {},
    });
    this.notify("initialized", {});
    this.notify("workspace/didChangeConfiguration", { settings: this.settings });
    // Settings are applied asynchronously (the server asks for them with workspace/configuration):
    // a document opened before that is bound to no schema.
    const deadline = Date.now() + 10000;
    while (!this.configured && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300));
  }
  open(uri, text) {
    this.diagnostics.delete(uri);
    this.notify("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: 1, text } });
  }
  waitDiagnostics(uri, ms = 15000) {
    if (this.diagnostics.has(uri)) return Promise.resolve(this.diagnostics.get(uri));
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), ms);
      this.waiters.push(() => {
        if (!this.diagnostics.has(uri)) return false;
        clearTimeout(timer);
        resolve(this.diagnostics.get(uri));
        return true;
      });
    });
  }
  async stop() {
    try { await this.request("shutdown", null, 5000); } catch { /* ignore */ }
    this.notify("exit");
    setTimeout(() => this.proc.kill(), 500).unref();
  }
}

const baseSettings = (schemas = {}) => ({
  yaml: {
    validate: true,
    completion: true,
    hover: true,
    format: { enable: false },
    schemaStore: { enable: false },
    schemas,
    yamlVersion: "1.2",
  },
  http: { proxy: "", proxyStrictSSL: false },
  editor: { tabSize: 2 },
});

async function completeForce(client, uri, text, what) {
  const lines = text.split("\n");
  const line = lines.findIndex((l) => /^force: ?/.test(l));
  client.open(uri, text);
  await client.waitDiagnostics(uri, 5000);
  // The server applies settings asynchronously: ask again for a few seconds while it has none.
  let items = [];
  for (let attempt = 0; attempt < 20 && items.length === 0; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, 250));
    const result = await client.request("textDocument/completion", {
      textDocument: { uri },
      position: { line, character: lines[line].length },
      context: { triggerKind: 1 },
    });
    items = Array.isArray(result) ? result : result?.items ?? [];
  }
  const labels = items.map((i) => i.label);
  const hit = items.find((i) =>
    [i.label, i.insertText, i.textEdit?.newText].some((t) => typeof t === "string" && t.includes("Norfolk Constabulary")),
  );
  const shown = labels.slice(0, 6).join(", ") + (labels.length > 6 ? ", ..." : "");
  if (hit) ok(`${what}: completion after "${lines[line]}" offers "Norfolk Constabulary" (${items.length} items: ${shown})`);
  else notOk(`${what}: completion after "${lines[line]}" offers "Norfolk Constabulary"`, `${items.length} items: ${JSON.stringify(labels)}`);
  return hit;
}

function section55Verdict(file) {
  const run = spawnSync(section55, ["check", "--format", "json", path.basename(file)], {
    cwd: path.dirname(file),
    encoding: "utf8",
  });
  if (run.status === 2) throw new Error(`section55 check could not run on ${file}: ${run.stderr}`);
  const found = JSON.parse(run.stdout).diagnostics.filter((d) =>
    ["invalid-yaml", "schema", "missing-section"].includes(d.rule),
  );
  return { verdict: found.length ? "invalid" : "valid", rules: [...new Set(found.map((d) => d.rule))].join(",") || "-" };
}

async function main() {
  console.log(`# yaml-language-server ${serverVersion} (${serverMain})`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "s55-yls-"));
  // Without the example's own modeline (its relative path does not resolve from the temp folder).
  const base = fs.readFileSync(mainExample, "utf8").replace(/^# yaml-language-server:.*\n/gm, "");
  // Relative to the document, as a user writes it next to a copy of the schema.
  fs.copyFileSync(schema, path.join(tmp, "section55-response.schema.json"));
  try {
    // 1. Modeline.
    {
      const client = new Client(baseSettings());
      await client.start(tmp);
      const text =
        "# yaml-language-server: $schema=./section55-response.schema.json\n" +
        base.replace(/^force:.*$/m, "force: ");
      const file = path.join(tmp, "modeline.s55.yaml");
      fs.writeFileSync(file, text);
      await completeForce(client, pathToFileURL(file).href, text, "modeline");

      // Hover shows the schema's description of `force`.
      const lines = text.split("\n");
      const line = lines.findIndex((l) => l.startsWith("force:"));
      const hover = await client.request("textDocument/hover", {
        textDocument: { uri: pathToFileURL(file).href },
        position: { line, character: 2 },
      });
      const hoverText = JSON.stringify(hover ?? "");
      if (/police force this response is about/i.test(hoverText)) ok("modeline: hover on force: shows the schema's description");
      else notOk("modeline: hover on force: shows the schema's description", hoverText);
      await client.stop();
    }
    // 2. yaml.schemas setting (glob) instead of the modeline.
    {
      const client = new Client(baseSettings({ [pathToFileURL(schema).href]: ["**/*.s55.yaml", "**/*.s55.yml"] }));
      await client.start(tmp);
      const text = base.replace(/^force:.*$/m, "force: ");
      const file = path.join(tmp, "settings.s55.yaml");
      fs.writeFileSync(file, text);
      await completeForce(client, pathToFileURL(file).href, text, "yaml.schemas setting");

      // 3. Verdicts on the examples agree with section55's.
      const files = fs.readdirSync(examples).filter((f) => /\.s55\.ya?ml$/.test(f)).map((f) => path.join(examples, f));
      // Two variants of the main example with schema-level errors.
      const unknownKey = path.join(tmp, "variant-unknown-key.s55.yaml");
      fs.writeFileSync(unknownKey, base + "polcing_area: Norfolk\n");
      const missingForce = path.join(tmp, "variant-missing-force.s55.yaml");
      fs.writeFileSync(missingForce, base.replace(/^force:.*\n/m, ""));
      files.push(unknownKey, missingForce);
      for (const f of files) {
        const uri = pathToFileURL(f).href;
        client.open(uri, fs.readFileSync(f, "utf8"));
        const diags = (await client.waitDiagnostics(uri, 15000)) ?? [];
        const theirs = diags.some((d) => d.severity === 1 || d.severity === undefined) ? "invalid" : "valid";
        const ours = section55Verdict(f);
        if (!f.startsWith(tmp)) {
          // The schema is really bound to the example (a "valid" verdict without it means nothing).
          const lines = fs.readFileSync(f, "utf8").split("\n");
          const line = lines.findIndex((l) => l.startsWith("force:"));
          const hover = line < 0 ? null : await client.request("textDocument/hover", {
            textDocument: { uri }, position: { line, character: 2 } });
          if (!/police force this response is about/i.test(JSON.stringify(hover ?? ""))) {
            notOk(`${path.basename(f)}: yaml-language-server applies the schema (hover on force:)`, JSON.stringify(hover));
          }
        }
        const name = f.startsWith(tmp) ? path.basename(f) : path.relative(path.dirname(examples), f);
        if (theirs === ours.verdict) ok(`${name}: both say ${theirs} (section55 schema-level rules: ${ours.rules})`);
        else notOk(`${name}: section55 says ${ours.verdict} (${ours.rules}), yaml-language-server says ${theirs}`,
          diags.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).join("\n"));
      }
      await client.stop();
    }
  } catch (error) {
    notOk("the yaml-language-server session ran to the end", error?.stack ?? error);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`\nyaml-language-server: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

main();
