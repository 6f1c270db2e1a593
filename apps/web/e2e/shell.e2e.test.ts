import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { NAV_ITEMS } from "../src/layout/navigation";
import { type AppUnderTest, startAppUnderTest } from "./appUnderTest";
import { type ChromiumSession, DESKTOP, launchChromium, PHONE, type Viewport } from "./chromium";
import { collectPageProblems } from "./pageProblems";
import { SCREENSHOT_DIR } from "./paths";

let app: AppUnderTest;
let session: ChromiumSession | undefined;

beforeAll(async () => {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  app = await startAppUnderTest();
});

afterEach(async () => {
  await session?.close();
  session = undefined;
  app.server.setConfigBody(JSON.stringify(app.goodConfig));
});

afterAll(async () => {
  await app?.stop();
});

async function open(viewport: Viewport): Promise<Page> {
  session = await launchChromium(viewport);
  return session.page;
}

function screenshot(page: Page, name: string) {
  return page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

function slug(label: string) {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

/** True when nothing sticks out sideways (no horizontal scrolling at this width). */
function fitsWidth(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe.each([DESKTOP, PHONE])("every page at $name width ($width px)", (viewport) => {
  it("renders with header, navigation and content, without errors", async () => {
    const page = await open(viewport);
    const problems = collectPageProblems(page);
    for (const item of NAV_ITEMS) {
      await page.goto(`${app.url}${item.path}`);
      const heading = page.getByRole("heading", { level: 1 });
      await heading.waitFor();
      expect(await heading.textContent()).toBe(item.label);
      const nav = page.getByRole("navigation", { name: "Main" });
      expect(await nav.isVisible()).toBe(true);
      expect(await nav.getByRole("link", { name: item.label }).getAttribute("aria-current")).toBe("page");
      expect(await page.getByRole("combobox", { name: "Market" }).isVisible()).toBe(true);
      expect(await page.getByRole("button", { name: "Connect wallet" }).isVisible()).toBe(true);
      if (item.path === "/trade") {
        // The real chart: lightweight-charts draws on canvases inside the chart box.
        await page.locator("[data-testid=price-chart] canvas").first().waitFor();
        const box = await page.getByTestId("price-chart").boundingBox();
        expect(box?.height ?? 0).toBeGreaterThan(200);
      }
      // The footer reads the chain: a block number from this run's anvil.
      await page.getByText(/Anvil \(local\): block \d+/).waitFor();
      expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, `${slug(item.label)}-${viewport.name}`);
    }
    expect(problems).toEqual([]);
  });
});

describe("keyboard", () => {
  it("reaches the skip link first and navigates with Tab and Enter", async () => {
    const page = await open(DESKTOP);
    const problems = collectPageProblems(page);
    await page.goto(`${app.url}/trade`);
    await page.getByRole("heading", { level: 1, name: "Trade" }).waitFor();

    await page.keyboard.press("Tab");
    const skipLink = page.getByRole("link", { name: "Skip to content" });
    expect(await skipLink.evaluate((element) => element === document.activeElement)).toBe(true);
    const skipBox = await skipLink.boundingBox();
    expect(skipBox !== null && skipBox.y >= 0).toBe(true); // visible once focused
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main-content");

    // From the top again: Tab until the Positions link has focus (bounded), then Enter.
    await page.goto(`${app.url}/trade`);
    await page.getByRole("heading", { level: 1, name: "Trade" }).waitFor();
    const positionsLink = page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Positions" });
    let presses = 0;
    while (!(await positionsLink.evaluate((element) => element === document.activeElement))) {
      presses += 1;
      expect(presses, "Positions link not reachable with Tab").toBeLessThan(20);
      await page.keyboard.press("Tab");
    }
    const outline = await positionsLink.evaluate((element) => getComputedStyle(element).outlineStyle);
    expect(outline).not.toBe("none"); // a visible focus ring
    await screenshot(page, "keyboard-focus-desktop");

    await page.keyboard.press("Enter");
    await page.waitForURL(`${app.url}/positions`);
    const heading = page.getByRole("heading", { level: 1, name: "Positions" });
    await heading.waitFor();
    expect(await heading.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(problems).toEqual([]);
  });
});

describe("config.json problems", () => {
  it("shows a full-page error naming the problem instead of a blank screen", async () => {
    const page = await open(DESKTOP);
    const problems = collectPageProblems(page, [
      /Failed to load resource: the server responded with a status of 404/,
    ]);
    const heading = page.getByRole("heading", { level: 1 });

    app.server.setConfigBody('{ "chainId": 31337, "rpcUrl": ');
    await page.goto(`${app.url}/trade`);
    await page.getByText(/is not valid JSON/).waitFor();
    expect(await heading.textContent()).toContain("Bastion can't start");
    await screenshot(page, "config-error-malformed-desktop");

    app.server.setConfigBody(JSON.stringify({ ...app.goodConfig, rpcUrl: "not a url", markets: [] }));
    await page.goto(`${app.url}/positions`);
    const list = page.getByRole("list", { name: "Problems in config.json" });
    await list.waitFor();
    const text = await list.textContent();
    expect(text).toContain("rpcUrl: expected an http:// or https:// URL");
    expect(text).toContain("markets: expected at least one market");
    await screenshot(page, "config-error-invalid-desktop");

    app.server.setConfigBody(undefined);
    await page.goto(`${app.url}/earn`);
    await page.getByText("/config.json was not found (HTTP 404).").waitFor();
    expect(await page.getByRole("navigation").count()).toBe(0);
    expect(problems).toEqual([]);
  });
});

describe("dev account connector", () => {
  it("connects anvil's dev account from the page, with no browser extension", async () => {
    const page = await open(PHONE);
    const problems = collectPageProblems(page);
    await page.goto(`${app.url}/earn`);
    await page.getByRole("heading", { level: 1, name: "Earn" }).waitFor();

    await page.getByRole("button", { name: "Connect wallet" }).click();
    await page.getByRole("combobox", { name: "Dev account" }).selectOption("2");
    await screenshot(page, "connect-panel-phone");
    await page.getByRole("button", { name: "Connect dev account #2" }).click();

    await page.getByRole("button", { name: "Account 0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC" }).waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: "Connected 0x3C44…93BC with Dev account (anvil)." })
      .waitFor();
    expect(await page.getByRole("region", { name: "Wrong network" }).count()).toBe(0);
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, "connected-dev-account-phone");
    expect(problems).toEqual([]);
  });
});
