// Shared by the harnesses that drive Debian's Chromium with playwright-core: the launch (flags
// that keep it off the closed network) and the TAP-like tally the shell harnesses read.
import { chromium } from "playwright-core";

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/// `ok - ...` / `not ok - ...` lines, then `NAME: P passed, F failed` and the exit status.
export function tally(name) {
  let passed = 0;
  let failed = 0;
  const ok = (what) => { passed++; console.log(`ok - ${what}`); };
  const notOk = (what, detail) => { failed++; console.log(`not ok - ${what}${detail ? `\n    ${detail}` : ""}`); };
  const expect = (cond, what, detail) => (cond ? ok(what) : notOk(what, detail));
  const finish = () => {
    console.log(`\n${name}: ${passed} passed, ${failed} failed`);
    process.exit(failed === 0 ? 0 : 1);
  };
  return { ok, notOk, expect, finish };
}
