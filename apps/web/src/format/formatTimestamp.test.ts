// @vitest-environment node
import { describe, expect, it } from "vitest";
import { shortenAddress } from "./formatAddress";
import { formatUnixSeconds } from "./formatTimestamp";

describe("formatUnixSeconds", () => {
  it("prints UTC date and time from contract seconds", () => {
    expect(formatUnixSeconds(1_793_541_785n)).toBe("2026-11-01 14:03:05 UTC");
  });
});

describe("shortenAddress", () => {
  it("keeps the first and last characters a person compares", () => {
    expect(shortenAddress("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")).toBe("0xf39F…2266");
    expect(shortenAddress("0x1234")).toBe("0x1234");
  });
});
