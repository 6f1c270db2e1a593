import {
  type AbiEvent,
  type AbiParameter,
  type Address,
  decodeEventLog,
  encodeAbiParameters,
  encodeEventTopics,
  type Hex,
  parseAbiItem,
  toHex,
} from "viem";
import { describe, expect, it } from "vitest";
import { compileStaticEventDecoder } from "./static-event-decoder.js";

/** Deterministic pseudo-random source (mulberry32), so a failure reproduces. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomBits(random: () => number, bits: number): bigint {
  let value = 0n;
  for (let i = 0; i < bits; i += 16) value = (value << 16n) | BigInt(Math.floor(random() * 65536));
  return value & ((1n << BigInt(bits)) - 1n);
}

function randomValue(input: AbiParameter, random: () => number): unknown {
  const { type } = input;
  if (type === "tuple") {
    const components = (input as { components: readonly AbiParameter[] }).components;
    const values = components.map((component) => randomValue(component, random));
    if (components.some((component) => !component.name)) return values;
    return Object.fromEntries(components.map((component, i) => [component.name, values[i]]));
  }
  if (type === "address") return toHex(randomBits(random, 160), { size: 20 }) as Address;
  if (type === "bool") return random() < 0.5;
  const bytes = /^bytes(\d+)$/.exec(type);
  if (bytes) return toHex(randomBits(random, 8 * Number(bytes[1])), { size: Number(bytes[1]) });
  const [, u, n] = /^(u?)int(\d+)$/.exec(type) ?? [];
  const bits = Number(n);
  // Include the extremes now and then.
  const pick = random();
  let value = pick < 0.1 ? 0n : pick < 0.2 ? (1n << BigInt(bits)) - 1n : randomBits(random, bits);
  if (u === "") value -= 1n << BigInt(bits - 1);
  return bits > 48 ? value : Number(value);
}

const events: AbiEvent[] = [
  parseAbiItem("event Deposit(address indexed account, uint256 indexed id, uint256 amount, int256 pnl)"),
  parseAbiItem("event Small(uint8 a, uint48 indexed b, uint56 c, int8 d, int48 e, int56 indexed f)"),
  parseAbiItem("event Mixed(bool indexed ok, bytes32 key, bytes1 flag, bytes20 tag, bool done, address who)"),
  parseAbiItem("event Positional(address indexed, uint256, int128)"),
  parseAbiItem("event NoData(address indexed a, uint256 indexed b)"),
  parseAbiItem(
    "event Snapshot(address indexed market, (uint256 a, int256 b) pair, ((uint8 x, bool y) inner, address z) nested, uint256 tail)",
  ),
  parseAbiItem("event Unnamed((uint256, int64) pair, bytes32 key)"),
];

describe("compileStaticEventDecoder", () => {
  it.each(events.map((event) => [event.name, event] as const))(
    "matches viem's decodeEventLog for %s",
    (_name, event) => {
      const decode = compileStaticEventDecoder(event);
      expect(decode).not.toBeNull();
      const random = seededRandom(event.inputs.length * 7919);
      for (let run = 0; run < 200; run++) {
        const values = event.inputs.map((input) => randomValue(input, random));
        const indexedArgs = event.inputs.flatMap((input, i) => (input.indexed ? [values[i]] : []));
        const nonIndexedInputs = event.inputs.filter((input) => !input.indexed);
        const topics = encodeEventTopics({ abi: [event], args: indexedArgs as never }) as Hex[];
        const data = encodeAbiParameters(
          nonIndexedInputs,
          event.inputs.flatMap((input, i) => (input.indexed ? [] : [values[i]])),
        );
        const expected = decodeEventLog({
          abi: [event],
          topics: topics as [Hex, ...Hex[]],
          data,
          strict: true,
        }).args;
        expect(decode?.(topics, data)).toEqual(expected);
      }
    },
  );

  it("leaves dynamic and composite types to viem", () => {
    expect(compileStaticEventDecoder(parseAbiItem("event A(string memo)"))).toBeNull();
    expect(compileStaticEventDecoder(parseAbiItem("event B(uint256[] ids)"))).toBeNull();
    expect(compileStaticEventDecoder(parseAbiItem("event C((uint256 a, string b) pair)"))).toBeNull();
    expect(
      compileStaticEventDecoder(parseAbiItem("event E((uint256 a, uint256 b) indexed pair)")),
    ).toBeNull();
    expect(compileStaticEventDecoder(parseAbiItem("event D(bytes blob)"))).toBeNull();
  });

  it("throws on missing topics, short data and non-boolean words, as strict viem does", () => {
    const deposit = compileStaticEventDecoder(events[0] as AbiEvent);
    const topics = encodeEventTopics({ abi: [events[0] as AbiEvent], args: [] as never }) as Hex[];
    expect(() => deposit?.(topics.slice(0, 1), "0x")).toThrow("expected 3 topics, got 1");
    const full = [topics[0] as Hex, toHex(1n, { size: 32 }), toHex(2n, { size: 32 })];
    expect(() => deposit?.(full, toHex(1n, { size: 32 }))).toThrow("data too short (32 bytes)");
    const mixed = compileStaticEventDecoder(parseAbiItem("event F(bool ok)"));
    expect(() => mixed?.([topics[0] as Hex], toHex(2n, { size: 32 }))).toThrow("not a bool");
  });
});
