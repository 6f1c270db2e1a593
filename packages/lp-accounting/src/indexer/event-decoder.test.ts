import { encodeAbiParameters, encodeEventTopics, type Hex, parseAbi } from "viem";
import { describe, expect, it } from "vitest";
import { createEventDecoder } from "./event-decoder.js";

const abi = parseAbi([
  "event Moved(address indexed account, uint256 indexed seq, uint256 amount, int256 delta)",
  "event Noted(uint256 indexed seq, string memo)",
  "function ignored()",
]);
const account = "0x000000000000000000000000000000000000dEaD";

describe("createEventDecoder", () => {
  const decoder = createEventDecoder(abi);

  it("exposes one selector per event", () => {
    expect(decoder.selectors).toHaveLength(2);
  });

  it("decodes named arguments with exact bigints", () => {
    const topics = encodeEventTopics({ abi, eventName: "Moved", args: { account, seq: 7n } }) as Hex[];
    const data = encodeAbiParameters([{ type: "uint256" }, { type: "int256" }], [2n ** 256n - 1n, -3n]);
    expect(decoder.decode(topics, data)).toEqual({
      eventName: "Moved",
      args: { account, seq: 7n, amount: 2n ** 256n - 1n, delta: -3n },
    });
  });

  it("returns null for unknown selectors and for data that does not match the ABI", () => {
    const topics = encodeEventTopics({ abi, eventName: "Moved", args: { account, seq: 7n } }) as Hex[];
    expect(decoder.decode(topics, "0x")).toBeNull();
    expect(decoder.decode([`0x${"ab".repeat(32)}`], "0x")).toBeNull();
    expect(decoder.decode([], "0x")).toBeNull();
  });

  it("refuses ABIs without events and anonymous events", () => {
    expect(() => createEventDecoder(parseAbi(["function f()"]))).toThrow("the ABI contains no event");
    const anonymous = [
      { type: "event", name: "A", anonymous: true, inputs: [{ type: "uint256", name: "x" }] },
    ] as const;
    expect(() => createEventDecoder(anonymous)).toThrow("anonymous event A");
  });
});
