import { RpcRequestError } from "viem";
import { describe, expect, it } from "vitest";
import { isWindowTooLargeError } from "./is-window-too-large-error.js";

describe("isWindowTooLargeError", () => {
  it.each([
    "query returned more than 10000 results",
    "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range",
    "eth_getLogs is limited to a 10,000 range",
    "exceed maximum block range: 5000",
    "block range is too wide",
    "Block range too large",
  ])("recognises %j", (message) => {
    expect(isWindowTooLargeError(new Error(message))).toBe(true);
  });

  it("finds the message in a viem RPC error's cause chain", () => {
    const rpcError = new RpcRequestError({
      body: { method: "eth_getLogs" },
      error: { code: -32005, message: "query returned more than 10000 results" },
      url: "http://localhost",
    });
    expect(isWindowTooLargeError(new Error("wrapped", { cause: rpcError }))).toBe(true);
  });

  it.each(["fetch failed", "HTTP request failed. Status: 503", "rate limit exceeded", "execution reverted"])(
    "does not mistake %j for a size limit",
    (message) => {
      expect(isWindowTooLargeError(new Error(message))).toBe(false);
    },
  );
});
