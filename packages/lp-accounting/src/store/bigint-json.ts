/**
 * Key that marks an encoded bigint: `{"#bigint":"-123"}`. `#` cannot appear in a Solidity or
 * Vyper identifier, so no decoded event argument can collide with the tag.
 */
const BIGINT_TAG = "#bigint";

/**
 * `JSON.stringify` that keeps bigints exact by writing them as decimal text inside a tagged object.
 *
 * @example
 * stringifyWithBigInts({ amount: 10n ** 30n }) // '{"amount":{"#bigint":"1000000000000000000000000000000"}}'
 */
export function stringifyWithBigInts(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === "bigint" ? { [BIGINT_TAG]: item.toString(10) } : item,
  );
}

/**
 * Inverse of {@link stringifyWithBigInts}: tagged decimal text becomes `bigint` again. (A plain
 * `JSON.parse` followed by one walk; about twice as fast as a `JSON.parse` reviver.)
 *
 * @example
 * parseWithBigInts('{"amount":{"#bigint":"-5"}}') // { amount: -5n }
 */
export function parseWithBigInts(text: string): unknown {
  return restoreBigInts(JSON.parse(text));
}

function restoreBigInts(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = restoreBigInts(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  const tag = record[BIGINT_TAG];
  if (typeof tag === "string" && Object.keys(record).length === 1) return BigInt(tag);
  for (const key of Object.keys(record)) {
    const item = record[key];
    const restored = restoreBigInts(item);
    if (restored === item) continue;
    // A key named "__proto__" (possible in JSON) must stay an own property, not set the prototype.
    if (key === "__proto__") {
      Object.defineProperty(record, key, {
        value: restored,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      record[key] = restored;
    }
  }
  return record;
}
