// Drives the real VS Code (code-server) in headless Chromium: installs the section55 .vsix, opens a
// response file and reads the Problems view. Run through vscode.sh, which installs everything and
// sets the environment:
//   CODE_SERVER_DIR  code-server install (node_modules/code-server inside)
//   VSIX             the extension package to test
//   SECTION55_BIN_DIR  folder holding the section55 binary (put on code-server's PATH)
//   WORKSPACE        folder to open; FILE: the file in it to open
//   EXPECT           comma-separated texts that must appear in the Problems view (rule names)
//   ARTEFACTS        where screenshots go
//   SCENARIO         "path" (default: the platform-neutral package, server from the setting) or
//                    "bundled" (a linux-x64 package with the server inside, no section55 on PATH;
//                    then also a damaged bundled server and a configured server of another version)
// Prints one "ok - ..." / "not ok - ..." line per assertion and exits non-zero on failure.

import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};
const codeServerDir = env("CODE_SERVER_DIR");
const vsix = env("VSIX");
const binDir = env("SECTION55_BIN_DIR");
const workspace = env("WORKSPACE");
const file = env("FILE");
const expect = env("EXPECT").split(",").map((s) => s.trim()).filter(Boolean);
const artefacts = env("ARTEFACTS");
const entry = path.join(codeServerDir, "node_modules/code-server/out/node/entry.js");
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const scenario = process.env.SCENARIO ?? "path";

let passed = 0;
let failed = 0;
const ok = (what) => { passed++; console.log(`ok - ${what}`); };
const notOk = (what, detail) => {
  failed++;
  console.log(`not ok - ${what}`);
  if (detail) console.log(String(detail).replace(/^/gm, "    "));
};

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

/** Installs the extension into a fresh profile and starts code-server; `afterInstall(extensionsDir)`
 * may change the installed files first. */
async function startCodeServer(name, userSettings, pathEnv, afterInstall = () => {}) {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), `s55-vscode-${name}-`));
  const userData = path.join(base, "user-data");
  const extensions = path.join(base, "extensions");
  fs.mkdirSync(path.join(userData, "User"), { recursive: true });
  fs.writeFileSync(
    path.join(userData, "User", "settings.json"),
    JSON.stringify(
      {
        "workbench.startupEditor": "none",
        "security.workspace.trust.enabled": false,
        "workbench.tips.enabled": false,
        "extensions.autoCheckUpdates": false,
        "extensions.autoUpdate": false,
        "telemetry.telemetryLevel": "off",
        "update.mode": "none",
        ...userSettings,
      },
      null,
      2,
    ),
  );
  const install = spawnSync(
    process.execPath,
    [entry, "--extensions-dir", extensions, "--user-data-dir", userData, "--install-extension", vsix],
    { encoding: "utf8", env: { ...process.env, PATH: pathEnv } },
  );
  const installOut = `${install.stdout}\n${install.stderr}`;
  if (install.status === 0 && /successfully installed/i.test(installOut)) {
    ok(`[${name}] code-server installs ${path.basename(vsix)}`);
  } else {
    notOk(`[${name}] code-server installs ${path.basename(vsix)}`, installOut);
  }
  afterInstall(extensions);

  const port = await freePort();
  const log = fs.openSync(path.join(artefacts, `code-server-${name}.log`), "w");
  const child = spawn(
    process.execPath,
    [
      entry,
      "--auth", "none",
      "--bind-addr", `127.0.0.1:${port}`,
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--user-data-dir", userData,
      "--extensions-dir", extensions,
      workspace,
    ],
    { stdio: ["ignore", log, log], env: { ...process.env, PATH: pathEnv }, detached: false },
  );
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000);
  return { name, port, child, base, userData };
}

async function openFile(browser, port) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.setDefaultTimeout(60_000);
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector(".explorer-folders-view .monaco-list-row", { timeout: 90_000 });
  await page.locator(".explorer-folders-view .monaco-list-row", { hasText: file }).first().click();
  await page.waitForSelector(`.tabs-container .tab[aria-label*="${file}"]`, { timeout: 30_000 });
  await page.waitForSelector(".monaco-editor .view-lines", { timeout: 30_000 });
  return page;
}

/** Polls `read` until `done(value)` or the timeout; returns the last value. */
async function poll(read, done, ms) {
  const deadline = Date.now() + ms;
  let value;
  while (Date.now() < deadline) {
    value = await read();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 500));
  }
  return value;
}

/** The text of every log file the session wrote (the "Section 55" output channel among them). */
function logText(userData) {
  const dir = path.join(userData, "logs");
  if (!fs.existsSync(dir)) return "";
  return fs.readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, f))
    .filter((f) => f.endsWith(".log") && fs.statSync(f).isFile())
    .map((f) => fs.readFileSync(f, "utf8"))
    .join("\n");
}

/** Waits for a notification matching `re`; screenshots it as vscode-NAME.png. */
async function expectToast(page, name, re, what) {
  const toast = await poll(
    () => page.locator(".notifications-toasts").innerText().catch(() => ""),
    (text) => re.test(text),
    45_000,
  );
  const shot = path.join(artefacts, `vscode-${name}.png`);
  await page.screenshot({ path: shot });
  const line = toast.split("\n").find((l) => re.test(l)) ?? toast;
  if (re.test(toast)) ok(`${what}: ${line.slice(0, 300)}`);
  else notOk(what, `notifications: ${JSON.stringify(toast)} (screenshot ${shot})`);
  return toast;
}

const killTree = (child) => {
  try { child.kill("SIGTERM"); } catch { /* already gone */ }
};

async function main() {
  fs.mkdirSync(artefacts, { recursive: true });
  const withServer = `${binDir}${path.delimiter}${process.env.PATH}`;
  const withoutServer = (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter((dir) => !fs.existsSync(path.join(dir, "section55")))
    .join(path.delimiter);

  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const servers = [];
  try {
    // 1. section55 on PATH: the file opens in YAML mode and the Problems view lists the findings.
    // The server path is given in the settings: VS Code's extension host takes PATH from the
    // user's login shell, not from the process that started it.
    // With the server inside the package, nothing is configured and PATH has no section55.
    const bundled = scenario === "bundled";
    const main = await startCodeServer(
      bundled ? "bundled" : "diagnostics",
      bundled ? {} : { "section55.server.path": path.join(binDir, "section55") },
      bundled ? withoutServer : withServer,
    );
    servers.push(main);
    const page = await openFile(browser, main.port);
    const mode = await poll(
      () => page.locator("#status\\.editor\\.mode").first().innerText().catch(() => ""),
      (text) => /yaml/i.test(text),
      20_000,
    );
    if (/yaml/i.test(mode)) ok(`the file keeps the YAML language mode (status bar: ${mode.trim()})`);
    else notOk("the file keeps the YAML language mode", `status bar language: ${JSON.stringify(mode)}`);

    await page.keyboard.press("Control+Shift+M");
    await page.waitForSelector(".markers-panel", { timeout: 30_000 });
    const markers = await poll(
      () => page.locator(".markers-panel").innerText().catch(() => ""),
      (text) => expect.every((e) => text.includes(e)),
      60_000,
    );
    const shot = path.join(artefacts, "vscode-problems.png");
    await page.screenshot({ path: shot });
    console.log(`# Problems view text:\n${markers.replace(/^/gm, "#   ")}`);
    console.log(`# screenshot: ${shot}`);
    for (const e of expect) {
      if (markers.includes(e)) ok(`Problems view shows ${e}`);
      else notOk(`Problems view shows ${e}`, `not found in the Problems view (screenshot ${shot})`);
    }
    // Each finding of `section55 check --format json` at its line and column.
    if (process.env.EXPECT_JSON) {
      const expected = JSON.parse(fs.readFileSync(process.env.EXPECT_JSON, "utf8")).diagnostics;
      for (const d of expected) {
        const at = `[Ln ${d.range.start.line}, Col ${d.range.start.column}]`;
        const re = new RegExp(`${d.rule}\\s*\\(?[^\\[]{0,40}\\[Ln ${d.range.start.line}, Col ${d.range.start.column}\\]`);
        if (re.test(markers)) ok(`Problems view: ${d.rule} at ${at}`);
        else notOk(`Problems view: ${d.rule} at ${at}`, "not in the Problems view text");
      }
    }
    if (/section55/.test(markers)) ok("Problems view attributes the findings to section55");
    else notOk("Problems view attributes the findings to section55", markers);
    if (bundled) {
      // The output channel reaches its log file some time after the server starts: wait for it.
      const usedRe = /Using the bundled server (\S+): (section55 .*)/;
      const used = usedRe.exec(await poll(() => logText(main.userData), (t) => usedRe.test(t), 30_000));
      if (used && used[1].includes(`${path.sep}server${path.sep}section55`)) {
        ok(`the output channel says it uses the bundled server: ${used[1]}: ${used[2]}`);
      } else {
        notOk("the output channel says it uses the bundled server", logText(main.userData).slice(-3000));
      }
    }

    // Completion: replace the force's value and ask for suggestions (Ctrl+Space) after `force: `.
    const lines = fs.readFileSync(path.join(workspace, file), "utf8").split(/\r?\n/);
    const forceLine = lines.findIndex((l) => /^force:/.test(l)) + 1;
    if (forceLine > 0) {
      await page.locator(".monaco-editor .view-lines").first().click();
      await page.keyboard.press("Control+G");
      await page.keyboard.type(String(forceLine));
      await page.keyboard.press("Enter");
      await page.keyboard.press("End");
      await page.keyboard.press("Shift+Home");
      await page.keyboard.type("force: ");
      await page.keyboard.press("Control+Space");
      const readSuggestions = () => page.locator(".suggest-widget .monaco-list").innerText().catch(() => "");
      const first = await poll(readSuggestions, (text) => text.includes("Avon and Somerset Constabulary"), 20_000);
      const shown = first.split("\n").filter(Boolean).slice(0, 4).join(" | ");
      if (first.includes("Avon and Somerset Constabulary")) {
        ok(`completion after "force: " (line ${forceLine}) lists the forces (${shown} | ...)`);
      } else {
        notOk(`completion after "force: " (line ${forceLine}) lists the forces`, `suggestions: ${JSON.stringify(first)}`);
      }
      // The list is filtered as the user types (and is virtual: only visible rows are in the page).
      await page.keyboard.type("Norf");
      const filtered = await poll(readSuggestions, (text) => text.includes("Norfolk Constabulary"), 20_000);
      await page.screenshot({ path: path.join(artefacts, "vscode-completion.png") });
      if (filtered.includes("Norfolk Constabulary")) {
        ok(`typing "Norf" narrows it to ${filtered.split("\n").filter(Boolean).slice(0, 2).join(" | ")}`);
      } else {
        notOk(`typing "Norf" offers Norfolk Constabulary`, `suggestions: ${JSON.stringify(filtered)}`);
      }
      await page.keyboard.press("Escape");
    } else {
      notOk("the example has a top-level force: line");
    }
    await page.close();

    if (scenario === "bundled") {
      // 2. The bundled server is for another platform (or damaged): a message with the fix.
      const foreign = process.env.FOREIGN_BIN;
      const damaged = await startCodeServer("foreign-binary", {}, withoutServer, (extensions) => {
        for (const dir of fs.readdirSync(extensions)) {
          const server = path.join(extensions, dir, "server", "section55");
          if (!fs.existsSync(server)) continue;
          if (foreign) fs.copyFileSync(foreign, server);
          else fs.writeFileSync(server, Buffer.from("MZ\u0000\u0000 not a Linux program"));
        }
      });
      servers.push(damaged);
      const page2 = await openFile(browser, damaged.port);
      const toast = await expectToast(page2, "foreign-binary", /bundled with this extension .*cannot run/,
        `a bundled server for another platform (${foreign ? path.basename(foreign) : "damaged file"}) gives a clear message`);
      if (toast.includes("section55.server.path")) ok("the message names the fix (section55.server.path)");
      else notOk("the message names the fix (section55.server.path)", toast);
      // The output channel's file is written a moment after the notification shows.
      const channel = await poll(() => logText(damaged.userData), (t) => /cannot run/.test(t), 20_000);
      if (/cannot run/.test(channel)) ok("the message is in the Section 55 output channel too");
      else notOk("the message is in the Section 55 output channel too", channel.slice(-2000));
      await page2.close();

      // 3. A configured server of another version: used, with a warning.
      const wrapper = path.join(os.tmpdir(), `s55-old-version-${process.pid}`);
      fs.writeFileSync(wrapper,
        `#!/bin/sh\n[ "$1" = --version ] && { echo "section55 0.0.1 (an older build)"; exit 0; }\nexec "${path.join(binDir, "section55")}" "$@"\n`,
        { mode: 0o755 });
      const other = await startCodeServer("other-version", { "section55.server.path": wrapper }, withoutServer);
      servers.push(other);
      const page3 = await openFile(browser, other.port);
      await expectToast(page3, "other-version", /is version 0\.0\.1 but this extension is version/,
        "a configured server of another version gives a warning");
      await page3.close();
      fs.rmSync(wrapper, { force: true });
    } else {
      // 2. No section55 anywhere: the extension says so instead of failing silently.
      const missing = await startCodeServer(
        "missing-binary",
        { "section55.server.path": "/nonexistent/section55" },
        withoutServer,
      );
      servers.push(missing);
      const page2 = await openFile(browser, missing.port);
      const toast = await expectToast(page2, "missing-binary", /cannot find the language server/,
        "a missing binary gives a clear message");
      if (!toast.includes("/nonexistent/section55")) notOk("the message names the missing path", toast);
      await page2.close();
    }
  } catch (error) {
    notOk("the VS Code session ran to the end", error?.stack ?? error);
  } finally {
    await browser.close().catch(() => {});
    for (const s of servers) {
      killTree(s.child);
      // keep the extension host logs (the "Section 55" output channel) as artefacts
      const logs = path.join(s.userData, "logs");
      if (fs.existsSync(logs)) fs.cpSync(logs, path.join(artefacts, `vscode-logs-${s.name}`), { recursive: true });
      fs.rmSync(s.base, { recursive: true, force: true });
    }
  }
  console.log(`vscode-e2e: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
