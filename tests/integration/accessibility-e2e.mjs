// Each page through axe-core in headless Chromium, from disk: no WCAG 2.0/2.1/2.2 A or AA
// violation, no sideways scrolling at a phone's width, prints to PDF, makes no network request.
// Screenshots (desktop and phone) of each page go to ARTEFACTS_DIR.
//
//   node accessibility-e2e.mjs AXE_MIN_JS ARTEFACTS_DIR PAGE.html...
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { launchChromium, tally } from "./headless.mjs";

const [axePath, artefacts, ...pages] = process.argv.slice(2);
const axeSource = fs.readFileSync(axePath, "utf8");
const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
const { expect, finish } = tally("accessibility-e2e");

const browser = await launchChromium();
try {
  // The check can fail: a page with an image without a text alternative and no language.
  {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>bad</title><img src="data:,">');
    await page.addScriptTag({ content: axeSource });
    const bad = await page.evaluate(async (runOnly) =>
      window.axe.run(document, { runOnly: { type: "tag", values: runOnly } }), tags);
    const ids = bad.violations.map((v) => v.id);
    expect(ids.includes("image-alt") && ids.includes("html-has-lang"),
      `axe-core finds the faults of a deliberately bad page (${ids.join(", ")})`);
    await page.close();
  }
  for (const file of pages) {
    const name = path.basename(file, ".html");
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const requests = [];
    page.on("request", (r) => { if (!/^(file|data|about):/.test(r.url())) requests.push(r.url()); });
    await page.goto(pathToFileURL(path.resolve(file)).href);
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async (runOnly) =>
      window.axe.run(document, { runOnly: { type: "tag", values: runOnly }, }), tags);
    const violations = result.violations.map((v) =>
      `${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} element(s), first: ${v.nodes[0]?.target.join(" ")}`);
    expect(violations.length === 0, `${name}: no axe-core violations at WCAG 2.2 A and AA (${result.passes.length} rules passed)`,
      violations.join("\n    "));
    const lang = await page.evaluate(() => document.documentElement.lang);
    expect(lang.length > 0, `${name}: the page says its language ("${lang}")`);
    await page.screenshot({ path: path.join(artefacts, `accessibility-${name}.png`), fullPage: name === "dashboard" });

    // The keyboard: the first Tab shows the skip link with a visible focus outline, and Enter
    // moves to the response.
    const skip = await page.locator(".skip-link").count();
    if (name !== "dashboard") expect(skip === 1, `${name}: the page starts with a skip link`);
    if (skip) {
      await page.keyboard.press("Tab");
      const focus = await page.evaluate(() => {
        const el = document.activeElement;
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return { cls: el.className, visible: box.left >= 0 && box.top >= 0 && box.width > 0, outline: style.outlineStyle, width: style.outlineWidth };
      });
      expect(focus.cls === "skip-link" && focus.visible && focus.outline !== "none" && focus.width !== "0px",
        `${name}: the first Tab shows the skip link with a visible focus outline`, JSON.stringify(focus));
      await page.keyboard.press("Enter");
      const target = await page.evaluate(() => document.activeElement?.id);
      expect(target === "response", `${name}: the skip link moves the focus to the response`, `focus on #${target}`);
    }

    await page.setViewportSize({ width: 360, height: 740 });
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(sideways <= 1, `${name}: no sideways scrolling at a phone's width (360 px)`, `${sideways} px too wide`);
    await page.screenshot({ path: path.join(artefacts, `accessibility-${name}-phone.png`) });

    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.length > 1000, `${name}: prints (${Math.round(pdf.length / 1024)} KB of PDF)`);
    expect(requests.length === 0, `${name}: no network request`, requests.join(" "));
    await context.close();
  }
} finally {
  await browser.close();
}
finish();
