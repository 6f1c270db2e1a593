import { mkdir } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type AppUnderTest, startAppUnderTest } from "./appUnderTest";
import { type ChromiumSession, DESKTOP, launchChromium, PHONE, type Viewport } from "./chromium";
import {
  connectDevAccount,
  dollars,
  fitsWidth,
  screenshot,
  settledRequest,
  stat,
  statText,
} from "./pageActions";
import { collectPageProblems } from "./pageProblems";
import { SCREENSHOT_DIR } from "./paths";
import { setPrice } from "./priceAdmin";

/**
 * The exchange end to end, in Chromium against the real local stack (anvil + Bastion, the price
 * service, the keeper): an LP deposits, a trader opens and closes a long, and a price drop
 * liquidates a position. ETH is held at $3,000 through the price service's admin endpoint, so a
 * preview and its execution see the same price and can be compared exactly.
 */
let app: AppUnderTest;
let session: ChromiumSession | undefined;

/** One cent, with room for binary floating point in the comparison (amounts are parsed from text). */
const CENT = 0.0101;

const LP = 4;
const TRADER = 3;
const RISKY_TRADER = 5;
const PATIENT_TRADER = 6;

beforeAll(async () => {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  app = await startAppUnderTest({ fixedPrices: { ETH: "3000" } });
});

afterEach(async ({ task }) => {
  if (task.result?.state === "fail" && session !== undefined) {
    await screenshot(session.page, `failed-${task.name.replace(/[^a-z0-9]+/gi, "-").slice(0, 60)}`).catch(
      () => undefined,
    );
  }
  await session?.close();
  session = undefined;
});

afterAll(async () => {
  await app?.stop();
});

async function open(viewport: Viewport, path: string, account: number): Promise<Page> {
  session = await launchChromium(viewport);
  const { page } = session;
  await page.goto(`${app.url}${path}`);
  await page.getByRole("heading", { level: 1 }).waitFor();
  await connectDevAccount(page, account);
  return page;
}

/** Waits for the mark price the admin endpoint set, so previews use it. */
async function waitForMarkPrice(page: Page, text: string) {
  await stat(page, "mark-price").filter({ hasText: text }).waitFor();
}

describe("an LP", () => {
  it("deposits WETH and USDC and sees the shares the preview promised", async () => {
    const page = await open(DESKTOP, "/earn", LP);
    const problems = collectPageProblems(page);
    const deposit = page.getByRole("region", { name: "Deposit", exact: true });
    await deposit.getByText(/^Balance: 1,000 WETH$/).waitFor();

    await deposit.getByRole("textbox", { name: "WETH amount" }).fill("1");
    await deposit.getByRole("textbox", { name: "USDC amount" }).fill("3000");
    const previewShares = await statText(deposit, "deposit-shares");
    expect(dollars(previewShares)).toBeGreaterThan(5_900);
    await deposit.getByRole("button", { name: "Deposit" }).click();

    const request = await settledRequest(page);
    expect(await request.getAttribute("data-state")).toBe("executed");
    // Prices are fixed and nothing else trades: the execution mints exactly the previewed shares.
    await request.getByText(`You received ${previewShares} pool shares.`).waitFor();
    await stat(page, "your-shares").filter({ hasText: previewShares }).waitFor();

    // The browser's LP accounting indexes the deposit: position, value, HODL comparison, charts.
    const analytics = page.getByRole("region", { name: /Your liquidity in ETH\/USD/ });
    await stat(analytics, "lp-shares").filter({ hasText: previewShares }).waitFor();
    expect(dollars((await stat(analytics, "lp-value").textContent()) ?? "")).toBeGreaterThan(5_990);
    expect(await stat(analytics, "lp-bad-debt").textContent()).toBe("$0.00");
    await analytics.locator("[data-testid=line-chart] canvas").first().waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, "flow-earn-deposit-desktop");
    expect(problems).toEqual([]);
  });
});

describe("a trader", () => {
  it("opens a long at the previewed liquidation price, closes it and sees the PnL", async () => {
    const page = await open(DESKTOP, "/trade", TRADER);
    const problems = collectPageProblems(page);
    await waitForMarkPrice(page, "$3,000.00");
    const order = page.getByRole("region", { name: "Order", exact: true });
    await order.getByText(/^Balance: 5,000,000 USDC$/).waitFor();

    await order.getByRole("textbox", { name: "Collateral (USDC)" }).fill("1000");
    await order.getByRole("textbox", { name: "Leverage" }).fill("10");
    const preview = page.getByRole("region", { name: "Order preview", exact: true });
    const previewEntry = await statText(preview, "entry-price");
    const previewLiquidation = await statText(preview, "liquidation-price");
    expect(previewLiquidation).toMatch(/^\$2,7\d\d\.\d\d$/);
    await screenshot(page, "flow-trade-preview-desktop");

    await order.getByRole("button", { name: "Open long" }).click();
    const request = await settledRequest(page);
    expect(await request.getAttribute("data-state")).toBe("executed");
    // The executed position, valued by the mirror at its execution, has the previewed prices.
    expect(await statText(request, "executed-entry-price")).toBe(previewEntry);
    expect(await statText(request, "executed-liquidation-price")).toBe(previewLiquidation);
    // The next order's preview beside the executed one (what the README shows).
    await order.getByRole("textbox", { name: "Collateral (USDC)" }).fill("1000");
    await order.getByRole("textbox", { name: "Leverage" }).fill("10");
    await statText(preview, "liquidation-price");
    await screenshot(page, "flow-trade-executed-desktop");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Positions" }).click();
    const card = page.getByRole("article", { name: /Long ETH\/USD/ });
    await card.waitFor();
    expect(await statText(card, "entry-price")).toBe(previewEntry);
    // Now, seconds later, borrowing and funding have accrued a fraction of a cent.
    const liquidationNow = dollars(await statText(card, "liquidation-price"));
    expect(Math.abs(liquidationNow - dollars(previewLiquidation))).toBeLessThanOrEqual(CENT);
    expect(await statText(card, "pnl")).toMatch(/^-\$\d+\.\d\d$/);
    await screenshot(page, "flow-positions-open-desktop");

    await card.getByRole("radio", { name: "Close" }).check();
    const close = card.getByRole("form", { name: "Close position" });
    const previewPnl = await statText(close, "close-pnl");
    await close.getByRole("button", { name: "Close position" }).click();
    const closed = await settledRequest(page);
    expect(await closed.getAttribute("data-state")).toBe("executed");
    const pnl = await statText(closed, "executed-pnl");
    // Closing at the same price: the PnL is the fees (within a cent of the preview as funding accrues).
    expect(pnl).toMatch(/^-\$\d+\.\d\d$/);
    expect(Math.abs(dollars(pnl) - dollars(previewPnl))).toBeLessThanOrEqual(CENT);
    await page.getByText("No open positions. Open one on the Trade page.").waitFor();
    await screenshot(page, "flow-positions-closed-desktop");
    expect(problems).toEqual([]);
  });
});

describe("a price drop", () => {
  it("liquidates a 45x long, and Pool health shows the liquidation and its shortfall", async () => {
    const page = await open(DESKTOP, "/trade", RISKY_TRADER);
    const problems = collectPageProblems(page);
    await waitForMarkPrice(page, "$3,000.00");
    const order = page.getByRole("region", { name: "Order", exact: true });
    await order.getByRole("textbox", { name: "Collateral (USDC)" }).fill("200");
    await order.getByRole("textbox", { name: "Leverage" }).fill("45");
    const liquidation = dollars(
      await statText(page.getByRole("region", { name: "Order preview", exact: true }), "liquidation-price"),
    );
    expect(liquidation).toBeGreaterThan(2_950);
    await order.getByRole("button", { name: "Open long" }).click();
    expect(await (await settledRequest(page)).getAttribute("data-state")).toBe("executed");

    // 5% down: far below the liquidation price, so the collateral cannot cover the loss.
    await setPrice(app.priceServiceUrl, "ETH", "2850");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Pool health" }).click();
    const liquidations = page.getByRole("region", { name: "Recent liquidations", exact: true });
    const row = liquidations.locator("tbody tr").filter({ hasText: "0x9965…A4dc" });
    await row.waitFor();
    // A long is liquidated at the low side of the oracle's range: $2,850 less the confidence.
    const liquidatedAt = dollars((await row.locator("td").nth(3).textContent()) ?? "");
    expect(liquidatedAt).toBeLessThanOrEqual(2_850);
    expect(liquidatedAt).toBeGreaterThan(2_849);
    const shortfall = (await row.locator('[data-stat="shortfall"]').textContent()) ?? "";
    expect(shortfall).toMatch(/^\$\d+\.\d\d \(insurance \$\d+\.\d\d, LPs \$\d+\.\d\d\)$/);
    const ledger = page.getByRole("region", { name: "Insurance and bad debt", exact: true });
    await stat(ledger, "ledger-count")
      .filter({ hasText: /^[1-9]/ })
      .waitFor();
    expect(dollars((await stat(ledger, "ledger-total").textContent()) ?? "")).toBe(
      dollars(shortfall.split(" ")[0] ?? ""),
    );
    await page.getByText(/^(Solvent|Deficit): /).waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, "flow-pool-health-liquidation-desktop");
    expect(problems).toEqual([]);
  });
});

describe("a limit order", () => {
  it("waits for its trigger, and can be cancelled once the cancel delay has passed", async () => {
    const page = await open(DESKTOP, "/trade", PATIENT_TRADER);
    const problems = collectPageProblems(page);
    const order = page.getByRole("region", { name: "Order", exact: true });
    await order.getByRole("radio", { name: "Limit" }).check();
    await order.getByRole("textbox", { name: "Trigger price (USD per WETH)" }).fill("2000");
    await order.getByRole("textbox", { name: "Collateral (USDC)" }).fill("500");
    await statText(page.getByRole("region", { name: "Order preview", exact: true }), "liquidation-price");
    await order.getByRole("button", { name: "Place limit long" }).click();
    await page.locator('li.request[data-state="pending"]').waitFor();

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Positions" }).click();
    const pending = page.getByRole("region", { name: "Pending requests" });
    const entry = pending.locator("li.pending-request").filter({ hasText: "Limit increase long ETH/USD" });
    await entry.waitFor();
    // The keeper leaves it pending (the price is above the trigger); the owner can cancel after the delay.
    await entry.getByText(/^Cancellable in \d+ s$/).waitFor();
    const cancel = entry.getByRole("button", { name: /^Cancel #\d+$/ });
    expect(await cancel.isDisabled()).toBe(true);
    await screenshot(page, "flow-positions-pending-desktop");
    await entry.getByText("Cancellable now").waitFor({ timeout: 90_000 });
    // A live chain makes a block every few seconds; the local anvil only mines on transactions, so
    // its latest block (which the cancel's simulation runs on) still has the old time. Mine one.
    await mineBlock(app.localnet.devchain.rpcUrl);
    await cancel.click();
    await pending.getByText("No requests are waiting for a keeper.").waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: /cancelled/ })
      .waitFor();

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Trade" }).click();
    const cancelled = await settledRequest(page);
    expect(await cancelled.getAttribute("data-state")).toBe("cancelled");
    await cancelled.getByText("Cancelled by you.").waitFor();
    expect(problems).toEqual([]);
  });
});

describe.each([PHONE, DESKTOP])("every page with data at $name width", (viewport) => {
  it("fits the screen and reads well", async () => {
    const page = await open(viewport, "/trade", LP);
    const problems = collectPageProblems(page);
    await page.locator("[data-testid=price-chart] canvas").first().waitFor();
    await stat(page, "mark-price").filter({ hasText: "$2,850.00" }).waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, `data-trade-${viewport.name}`);
    for (const [path, ready] of [
      ["/positions", "Pending requests"],
      ["/earn", "Deposit"],
      ["/pool-health", "Recent liquidations"],
    ] as const) {
      await page
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: pageName(path) })
        .click();
      await page.getByRole("heading", { level: 2, name: ready }).waitFor();
      if (path === "/earn") {
        await page.locator("[data-testid=line-chart] canvas").first().waitFor();
      }
      if (path === "/pool-health") {
        await page.locator("tbody tr").first().waitFor();
      }
      expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, `data-${path.slice(1)}-${viewport.name}`);
    }
    expect(problems).toEqual([]);
  });
});

async function mineBlock(rpcUrl: string): Promise<void> {
  const response = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "evm_mine", params: [] }),
  });
  if (!response.ok) throw new Error(`evm_mine failed: HTTP ${response.status}`);
}

function pageName(path: "/positions" | "/earn" | "/pool-health"): string {
  return { "/positions": "Positions", "/earn": "Earn", "/pool-health": "Pool health" }[path];
}
