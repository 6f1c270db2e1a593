import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { SCREENSHOT_DIR } from "./paths";

export function screenshot(page: Page, name: string) {
  return page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** True when nothing sticks out sideways (no horizontal scrolling at this width). */
export function fitsWidth(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/** Connects anvil's dev account `index` from the wallet menu, as a person would. */
export async function connectDevAccount(page: Page, index: number): Promise<void> {
  await page.getByRole("button", { name: "Connect wallet" }).click();
  await page.getByRole("combobox", { name: "Dev account" }).selectOption(String(index));
  await page.getByRole("button", { name: `Connect dev account #${index}` }).click();
  await page.getByRole("button", { name: /^Account 0x/ }).waitFor();
}

/** The value (dd) of a stat, by its data-stat id, inside `scope`. */
export function stat(scope: Page | Locator, id: string): Locator {
  return scope.locator(`[data-stat="${id}"] dd`);
}

/** Waits until a stat shows something other than the "—" placeholder, and returns it. */
export async function statText(scope: Page | Locator, id: string): Promise<string> {
  const value = stat(scope, id).filter({ hasNotText: /^—$/ });
  await value.first().waitFor();
  return (await value.first().textContent()) ?? "";
}

/** "$2,731.47" -> 2731.47 (for comparisons with a tolerance; the app's own numbers are bigint). */
export function dollars(text: string): number {
  const negative = text.trim().startsWith("-");
  const value = Number(text.replace(/[^0-9.]/g, ""));
  return negative ? -value : value;
}

/** The newest request in a "Your …" activity list once a keeper executed or cancelled it. */
export async function settledRequest(page: Page): Promise<Locator> {
  const request = page.locator("li.request").first();
  await request.and(page.locator('li.request:not([data-state="pending"])')).waitFor();
  return request;
}
