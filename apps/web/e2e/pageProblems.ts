import type { Page } from "playwright-core";

/**
 * Collects uncaught exceptions and console errors of a page. A test that expects a clean page
 * asserts the list is empty at the end; `allow` drops messages the test causes on purpose.
 */
export function collectPageProblems(page: Page, allow: readonly RegExp[] = []): string[] {
  const problems: string[] = [];
  const keep = (text: string) => {
    if (!allow.some((pattern) => pattern.test(text))) problems.push(text);
  };
  page.on("pageerror", (error) => keep(`uncaught: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const { url } = message.location();
    keep(`console: ${message.text()}${url ? ` (${url})` : ""}`);
  });
  return problems;
}
