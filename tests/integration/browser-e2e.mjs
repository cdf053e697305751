// The one-file browser version (dist/section55.html) in headless Chromium, opened from disk as a
// file:// URL: the example's findings appear with their rule documentation, the rendered page
// shows, the download is the rendered HTML, a file over the size limit is refused in words, and
// the page makes no network request at all.
//
//   node browser-e2e.mjs PAGE EXAMPLE_WITH_FINDINGS CLEAN_EXAMPLE ARTEFACTS_DIR
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { launchChromium, tally } from "./headless.mjs";

const [pagePath, findingsExample, cleanExample, artefacts] = process.argv.slice(2);
const { ok, notOk, expect, finish } = tally("browser");

const browser = await launchChromium();
try {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  // The same "today" as the command line's SECTION55_TODAY, through the browser's own clock.
  await page.clock.setFixedTime(new Date(`${process.env.SECTION55_TODAY}T12:00:00`));
  const requests = [];
  page.on("request", (r) => { if (!/^(file|data|blob|about):/.test(r.url())) requests.push(r.url()); });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(pathToFileURL(path.resolve(pagePath)).href);
  await page.getByText("Ready:").waitFor({ timeout: 30000 });
  ok("the page starts the checker from disk");

  // A file with findings, chosen with the file picker.
  await page.setInputFiles("#file", findingsExample);
  await page.locator("#findings tbody tr").first().waitFor({ timeout: 30000 });
  const rows = await page.locator("#findings tbody tr").allInnerTexts();
  const cli = JSON.parse(process.env.CLI_JSON);
  const cliRules = cli.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.rule}`);
  const pageRules = rows.map((r) => { const c = r.split("\t"); return `${c[0].trim()} ${c[3].trim()}`; });
  expect(JSON.stringify(pageRules) === JSON.stringify(cliRules),
    `the page lists the same findings as section55 check (${cliRules.length}: ${[...new Set(cli.diagnostics.map((d) => d.rule))].join(", ")})`,
    `page: ${JSON.stringify(pageRules)}\ncli:  ${JSON.stringify(cliRules)}`);
  await page.locator("#findings details summary").first().click();
  const doc = await page.locator("#findings details").first().innerText();
  expect(/What it checks/.test(doc) && /How to fix it/.test(doc), "a finding's rule opens its documentation", doc.slice(0, 300));
  const status = await page.locator("#message").innerText();
  expect(/warning/.test(status), `the summary counts them ("${status}")`);
  await page.screenshot({ path: path.join(artefacts, "browser-findings.png"), fullPage: true });

  // The rendered page and its download.
  const frame = page.frameLocator("#preview");
  await frame.locator("h1").first().waitFor({ timeout: 30000 });
  const heading = await frame.locator("h1").first().innerText();
  expect(heading.length > 0, `the rendered document shows ("${heading.slice(0, 60)}")`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  const saved = path.join(artefacts, "browser-download.html");
  await download.saveAs(saved);
  const html = fs.readFileSync(saved, "utf8");
  expect(html.startsWith("<!DOCTYPE html>") && html.includes(heading.slice(0, 20)),
    `the download is the rendered HTML (${download.suggestedFilename()}, ${html.length} bytes)`);
  const cliHtml = process.env.CLI_HTML;
  expect(html === cliHtml, "the download is byte for byte what section55 render --format html writes",
    `page ${html.length} bytes, cli ${cliHtml.length} bytes`);

  // Pasted text with an error: a draft and its findings.
  await page.fill("#text", "force: Norfolk Constabulary\n");
  await page.click("#check");
  await page.getByText(/error/).first().waitFor({ timeout: 30000 });
  const note = await page.locator("#document-note").innerText();
  expect(/cannot be read as a response/.test(note), `pasted text with errors gets findings and no publishable page ("${note.slice(0, 70)}")`);

  // A clean file by drag and drop.
  const clean = fs.readFileSync(cleanExample, "utf8");
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "clean.s55.yaml", { type: "text/yaml" }));
    return dt;
  }, clean);
  await page.dispatchEvent("#drop", "drop", { dataTransfer });
  await page.waitForFunction(() => document.querySelector("#message").textContent.includes("errors") || document.querySelector("#message").textContent.includes("No findings"), null, { timeout: 30000 });
  const dropped = await page.locator("#message").innerText();
  expect(/^0 errors|No findings/.test(dropped), `a dropped file is checked ("${dropped}")`);

  // Over the size limit: refused in words, nothing else.
  const big = path.join(artefacts, "browser-big.s55.yaml");
  fs.writeFileSync(big, "# " + "x".repeat(5 * 1024 * 1024) + "\n");
  await page.setInputFiles("#file", big);
  await page.getByText(/reads files up to/).waitFor({ timeout: 30000 });
  ok("a file over the size limit is refused with a message");
  fs.rmSync(big);

  expect(requests.length === 0, "the page made no network request", requests.join("\n"));
  expect(errors.length === 0, "no script errors", errors.join("\n"));
} catch (e) {
  notOk("the browser scenario ran to the end", String(e.stack || e));
} finally {
  await browser.close();
}
finish();
