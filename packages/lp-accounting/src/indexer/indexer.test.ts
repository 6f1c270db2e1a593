import { createPublicClient, http, parseAbi } from "viem";
import { describe, expect, it } from "vitest";
import { MemoryLogStore } from "../store/memory-log-store.js";
import { Indexer } from "./indexer.js";
import { IndexerConfigError } from "./indexer-errors.js";
import type { IndexerParameters } from "./indexer-types.js";

// Behaviour against a chain is tested on anvil in test/indexer-*.test.ts; these cover configuration.
const valid: IndexerParameters = {
  // Never contacted: the constructor makes no request.
  client: createPublicClient({ transport: http("http://127.0.0.1:9") }),
  store: new MemoryLogStore(),
  address: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
  events: parseAbi(["event Moved(address indexed account, uint256 amount)"]),
  startBlock: 0n,
  maxBlockRange: 100n,
  confirmations: 0n,
};

describe("Indexer configuration", () => {
  it("accepts a valid configuration and starts with the full window", () => {
    expect(new Indexer(valid).windowSize).toBe(100n);
  });

  it.each<[string, Partial<IndexerParameters>, string]>([
    ["no address", { address: [] }, "address: at least one contract address is required"],
    ["a negative start block", { startBlock: -1n }, "startBlock must be >= 0, got -1"],
    ["an empty window", { maxBlockRange: 0n }, "maxBlockRange must be >= 1, got 0"],
    ["negative confirmations", { confirmations: -2n }, "confirmations must be >= 0, got -2"],
    ["a zero reorg depth", { maxReorgDepth: 0n }, "maxReorgDepth must be >= 1, got 0"],
    ["a zero poll interval", { pollIntervalMs: 0 }, "pollIntervalMs must be > 0, got 0"],
    ["zero retry attempts", { retry: { attempts: 0 } }, "retry.attempts must be an integer >= 1, got 0"],
    ["an ABI without events", { events: parseAbi(["function f()"]) }, "events: the ABI contains no event"],
  ])("rejects %s", (_case, override, message) => {
    const create = () => new Indexer({ ...valid, ...override });
    expect(create).toThrow(IndexerConfigError);
    expect(create).toThrow(message);
  });

  it("rejects a block number given as a number", () => {
    const startBlock = 5 as unknown as bigint;
    expect(() => new Indexer({ ...valid, startBlock })).toThrow("startBlock must be a bigint, got number");
  });
});
