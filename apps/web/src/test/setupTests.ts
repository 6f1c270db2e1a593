import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { createElement } from "react";
import { afterEach, vi } from "vitest";

// Canvas charts don't render in jsdom; the e2e tests check the real charts in Chromium.
vi.mock("../chart/CandlestickChart", () => ({
  default: ({ label, candles }: { label: string; candles: readonly unknown[] }) =>
    createElement("div", { role: "img", "aria-label": `${label} chart, ${candles.length} bars` }),
}));
vi.mock("../chart/LineChart", () => ({
  default: ({ label }: { label: string }) =>
    createElement("div", { role: "img", "aria-label": `${label} chart` }),
}));

afterEach(() => {
  cleanup();
  globalThis.localStorage?.clear();
});
