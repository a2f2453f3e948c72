/**
 * End-to-end: the built app on a freshly synced catalog, driven in Chromium. Scenarios run in order and share
 * one server and one browser. Screenshots land in artifacts/screenshots/.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { axeViolations, buildApp, buildCatalog, e2eAvailability, launchBrowser, screenshotDir, startApp, type AppServer } from "./harness";

/** A rule of our own rules/ folder (present with or without ../shared): contains-list on CommandLine. */
const MIMIKATZ_RULE = "8d265e1b-a244-4b42-9682-374c3fce40a5";

const availability = e2eAvailability();

describe.skipIf(!availability.run)("web app end to end", () => {
  let server: AppServer;
  let browser: { context: BrowserContext; close(): Promise<void> };
  let page: Page;
  const shots = screenshotDir();
  const shot = (name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    const [databaseUrl] = await Promise.all([buildCatalog(), buildApp()]);
    server = await startApp(databaseUrl);
    browser = await launchBrowser(server.baseUrl);
    page = await browser.context.newPage();
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const resultCount = async () => {
    await page.locator("#results-h").waitFor();
    return Number((await page.locator("#results-h").innerText()).replace(/[^\d]/g, ""));
  };

  it("opens the feed with rules newest first", async () => {
    await page.goto(server.baseUrl + "/");
    // The feed streams in behind loading.tsx: wait for it rather than checking at the load event.
    await page.getByRole("heading", { level: 1, name: "Detection rules" }).waitFor();
    await page.locator("#results-h").waitFor();
    expect(await resultCount()).toBeGreaterThan(0);
    expect(await page.locator("main ol > li").count()).toBeGreaterThan(0);
    await shot("feed");
  });

  it("filters by level, then by tactic, with the filters in the URL", async () => {
    await page.locator('aside a[href="/?level=high"]').click();
    await page.waitForURL(/level=high/);
    const badges = await page.locator("main ol > li article > div:first-child > span:first-child").allInnerTexts();
    expect(badges.length).toBeGreaterThan(0);
    expect(new Set(badges)).toEqual(new Set(["high"]));
    const highCount = await resultCount();
    const tactic = page.locator('aside a[href*="tactic="]').first();
    await tactic.click();
    await page.waitForURL(/level=high.*tactic=|tactic=.*level=high/);
    const both = await resultCount();
    expect(both).toBeGreaterThan(0);
    expect(both).toBeLessThanOrEqual(highCount);
  });

  it("searches by technique id (t1059.001)", async () => {
    await page.goto(server.baseUrl + "/");
    await page.locator('#q[aria-keyshortcuts="/"]').waitFor(); // hydrated: the shortcut listener is attached
    await page.locator("body").press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("q");
    await page.keyboard.type("t1059.001");
    await page.keyboard.press("Enter");
    await page.waitForURL(/q=t1059\.001/);
    expect(await resultCount()).toBeGreaterThan(0);
    await expect(page.locator("main ol > li").first().innerText()).resolves.toMatch(/T1059\.001|t1059\.001/i);
  });

  it("searches by rule id (UUID)", async () => {
    await page.goto(`${server.baseUrl}/?q=${MIMIKATZ_RULE}`);
    expect(await resultCount()).toBe(1);
  });

  it("opens a rule with every section in the seed's order", async () => {
    await page.goto(server.baseUrl + "/?q=t1059.001");
    await page.locator("main ol > li h3 a").first().click();
    await page.waitForURL(/\/rules\//);
    await page.getByRole("heading", { level: 2, name: "References" }).waitFor();
    const headings = await page.locator("main h2").allInnerTexts();
    const wanted = ["Hunt Hypothesis", "Detection Rule", "KQL", "Required Data Sources", "False Positive Guidance", "MITRE ATT&CK Context", "References"];
    expect(headings.filter((h) => wanted.includes(h))).toEqual(wanted);
    await expect(page.getByText("Generated from the rule’s metadata").isVisible()).resolves.toBe(true);
    await shot("rule");
  });

  it("switches KQL tabs and copies exactly the stored query", async () => {
    await page.goto(`${server.baseUrl}/rules/${MIMIKATZ_RULE}`);
    const labels = page.locator(".tab-list label");
    expect(await labels.count()).toBe(3);
    for (const target of ["defender-xdr", "azure-monitor", "sentinel-asim"]) {
      await page.locator(`label[for="kql-${target}"]`).click();
      await expect(page.locator(`[data-panel="${target}"]`).isVisible()).resolves.toBe(true);
      const others = page.locator(`.tab-panel:not([data-panel="${target}"])`);
      for (let i = 0; i < (await others.count()); i++) await expect(others.nth(i).isVisible()).resolves.toBe(false);
    }
    const panel = page.locator('[data-panel="sentinel-asim"]');
    const code = await panel.locator("pre.shiki").innerText();
    // A click that lands before React hydrates the button does nothing, so click until the button says "Copied".
    await expect
      .poll(
        async () => {
          if ((await panel.getByRole("button", { name: "Copied" }).count()) > 0) return true;
          await panel.getByRole("button", { name: "Copy KQL" }).click();
          return false;
        },
        { timeout: 15_000, interval: 250 },
      )
      .toBe(true);
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(clip.trim()).toBe(code.trim());
    expect(clip).toMatch(/\|\s*where/);
  });

  it("tests events: match, no match and invalid JSON", async () => {
    await page.goto(`${server.baseUrl}/rules/${MIMIKATZ_RULE}`);
    const box = page.locator("#event-json");
    const result = page.locator('[data-testid="event-result"]');
    const submit = page.getByRole("button", { name: "Test event" });

    await box.fill('{"CommandLine": "mimi.exe sekurlsa::logonpasswords exit"}');
    await submit.click();
    await expect(result.getByText(/^Match/).waitFor()).resolves.toBeUndefined();
    await expect(result.innerText()).resolves.toContain("selection");

    await box.fill('{"CommandLine": "notepad.exe readme.txt"}');
    await submit.click();
    await expect(result.getByText(/^No match/).waitFor()).resolves.toBeUndefined();

    await box.fill('{"CommandLine": }');
    await submit.click();
    await expect(result.getByText(/Invalid JSON at line 1, column 17/).waitFor()).resolves.toBeUndefined();
  });

  it("resolves a rule's path to its page", async () => {
    const res = await fetch(`${server.baseUrl}/rules/by-path/folder:rules/examples/example_contains_mimikatz_module_on_cmdline.yml`, { redirect: "manual" });
    expect([res.status, res.headers.get("location")]).toEqual([308, `/rules/${MIMIKATZ_RULE}`]);
    const missing = await fetch(`${server.baseUrl}/rules/by-path/folder:rules/no/such/file.yml`, { redirect: "manual" });
    expect(missing.status).toBe(404);
  });

  it("opens the coverage matrix and follows a cell to the filtered feed", async () => {
    await page.goto(server.baseUrl + "/coverage");
    await page.getByRole("heading", { level: 1, name: "ATT&CK coverage" }).waitFor();
    await shot("coverage");
    const cells = page.locator('main a[href*="technique="]');
    const n = await cells.count();
    if (n === 0) {
      // Without ATT&CK data the page says so instead of drawing a matrix.
      await expect(page.getByText("ATT&CK data not imported").isVisible()).resolves.toBe(true);
      return;
    }
    let chosen = -1;
    let count = 0;
    for (let i = 0; i < n && chosen < 0; i++) {
      const m = /: (\d+) rules/.exec((await cells.nth(i).getAttribute("title")) ?? "");
      if (m && Number(m[1]) > 0) {
        chosen = i;
        count = Number(m[1]);
      }
    }
    expect(chosen).toBeGreaterThanOrEqual(0);
    await cells.nth(chosen).click();
    await page.waitForURL(/technique=/);
    expect(await resultCount()).toBe(count);
  });

  it("opens a technique page and the technique search", async () => {
    await page.goto(server.baseUrl + "/attack?q=t1003");
    await page.getByRole("heading", { level: 1 }).waitFor();
    const first = page.locator('main ul a[href^="/attack/T"]').first();
    if ((await first.count()) === 0) return; // no ATT&CK data: the search page says so
    await first.click();
    await page.waitForURL(/\/attack\/T1003/);
    await expect(page.locator("h1").innerText()).resolves.toMatch(/^T1003/);
    await shot("technique");
    const missing = await page.goto(server.baseUrl + "/attack/T9999");
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" }).isVisible()).resolves.toBe(true);
  });

  it.each([["feed", "/"], ["rule", `/rules/${MIMIKATZ_RULE}`], ["technique", "/attack/T1003.001"], ["coverage", "/coverage"]])(
    "has no serious or critical axe violations on the %s page",
    async (_name, url) => {
      await page.goto(server.baseUrl + url);
      await page.locator("footer").waitFor();
      await page.locator("main h1").waitFor();
      expect(await axeViolations(page)).toEqual([]);
    },
  );

  it("renders every page at 360 px in dark mode without widening the page", async () => {
    const small = await browser.context.newPage();
    await small.setViewportSize({ width: 360, height: 800 });
    await small.emulateMedia({ colorScheme: "dark" });
    try {
      for (const [name, url] of [["feed", "/"], ["rule", `/rules/${MIMIKATZ_RULE}`], ["technique", "/attack/T1003.001"], ["attack", "/attack?q=credential"], ["coverage", "/coverage"], ["ingest", "/ingest"]]) {
        await small.goto(server.baseUrl + url);
        await small.locator("main h1").waitFor();
        await small.screenshot({ path: path.join(shots, `${name}-360-dark.png`), fullPage: true });
        expect([name, await small.evaluate(() => document.documentElement.scrollWidth)]).toEqual([name, 360]);
      }
    } finally {
      await small.close();
    }
  });
});
