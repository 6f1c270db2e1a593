import { describe, expect, it } from "vitest";
import { backoffDelayMs, resolveRetryPolicy, withRetry } from "./retry.js";

const fast = { attempts: 4, baseDelayMs: 1, maxDelayMs: 5 };

describe("backoffDelayMs", () => {
  const policy = { attempts: 10, baseDelayMs: 100, maxDelayMs: 1_000 };
  it("doubles per retry, capped, with jitter between half and the full delay", () => {
    expect([1, 2, 3, 4, 5].map((retry) => backoffDelayMs(retry, policy, () => 1))).toEqual([
      100, 200, 400, 800, 1000,
    ]);
    expect([1, 2, 3, 4, 5].map((retry) => backoffDelayMs(retry, policy, () => 0))).toEqual([
      50, 100, 200, 400, 500,
    ]);
  });
});

describe("withRetry", () => {
  it("returns once the operation succeeds", async () => {
    let calls = 0;
    const result = await withRetry(async () => {
      calls++;
      if (calls < 3) throw new Error(`failure ${calls}`);
      return "ok";
    }, fast);
    expect(result).toBe("ok");
    expect(calls).toBe(3);
  });

  it("throws the last error after the configured attempts", async () => {
    let calls = 0;
    await expect(
      withRetry(async (attempt) => {
        calls++;
        throw new Error(`failure ${attempt}`);
      }, fast),
    ).rejects.toThrow("failure 4");
    expect(calls).toBe(4);
  });

  it("does not retry what shouldRetry refuses", async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw new Error("fatal");
        },
        fast,
        { shouldRetry: () => false },
      ),
    ).rejects.toThrow("fatal");
    expect(calls).toBe(1);
  });

  it("stops waiting when aborted", async () => {
    const controller = new AbortController();
    const pending = withRetry(
      async () => {
        controller.abort(new Error("stopped"));
        throw new Error("boom");
      },
      { attempts: 5, baseDelayMs: 60_000, maxDelayMs: 60_000 },
      { signal: controller.signal },
    );
    await expect(pending).rejects.toThrow("stopped");
  });
});

describe("resolveRetryPolicy", () => {
  it("fills defaults and rejects nonsense", () => {
    expect(resolveRetryPolicy({ attempts: 2 })).toEqual({
      attempts: 2,
      baseDelayMs: 250,
      maxDelayMs: 10_000,
    });
    expect(() => resolveRetryPolicy({ attempts: 0 })).toThrow(
      "retry.attempts must be an integer >= 1, got 0",
    );
    expect(() => resolveRetryPolicy({ baseDelayMs: -1 })).toThrow(RangeError);
  });
});
