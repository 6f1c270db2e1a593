import { describe, expect, it } from "vitest";
import { parseWithBigInts, stringifyWithBigInts } from "./bigint-json.js";

describe("bigint JSON codec", () => {
  it("round-trips bigints beyond 2^53 and negative ones exactly", () => {
    const value = {
      amount: 2n ** 255n - 1n,
      delta: -(2n ** 255n),
      zero: 0n,
      nested: [1n, { inner: 123456789012345678901234567890n }],
      text: "123",
      flag: true,
    };
    const text = stringifyWithBigInts(value);
    expect(text).toContain(
      '"#bigint":"57896044618658097711785492504343953926634992332820282019728792003956564819967"',
    );
    expect(parseWithBigInts(text)).toEqual(value);
  });

  it("leaves decimal strings and look-alike objects alone", () => {
    const value = { s: "5", o: { "#bigint": "5", other: 1 }, arr: ["#bigint"] };
    expect(parseWithBigInts(stringifyWithBigInts(value))).toEqual(value);
  });

  it("keeps a __proto__ key as data, never as a prototype", () => {
    const parsed = parseWithBigInts(
      '{"__proto__":{"#bigint":"7"},"x":{"__proto__":{"polluted":true}}}',
    ) as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(parsed, "__proto__")?.value).toBe(7n);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("writes exactly what JSON.stringify with a bigint replacer writes", () => {
    const replacer = (_key: string, item: unknown) =>
      typeof item === "bigint" ? { "#bigint": item.toString(10) } : item;
    for (const value of [
      { a: 1n, b: [2n, undefined, null, 'x"y'], c: { d: -3n, e: undefined, f: false }, g: 1.5 },
      [undefined, { h: [] }, {}],
      "plain",
      7n,
      null,
    ]) {
      expect(stringifyWithBigInts(value)).toBe(JSON.stringify(value, replacer));
    }
  });

  it("encodes positional (array) arguments", () => {
    expect(stringifyWithBigInts([1n, "0xab"])).toMatchInlineSnapshot(`"[{"#bigint":"1"},"0xab"]"`);
  });
});
