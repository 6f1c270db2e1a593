import { createPublicClient, custom, encodeEventTopics, type Hex, numberToHex, parseAbi } from "viem";
import { describe, expect, it } from "vitest";
import { createChainReader } from "./chain-reader.js";
import { createEventDecoder } from "./event-decoder.js";

const abi = parseAbi(["event Ping(uint256 indexed seq)"]);
const address = "0x00000000000000000000000000000000000000aa";

function rpcLog(block: number, withTimestamp: boolean) {
  return {
    address,
    blockHash: numberToHex(block, { size: 32 }),
    blockNumber: numberToHex(block),
    ...(withTimestamp ? { blockTimestamp: numberToHex(1_000 + block) } : {}),
    data: "0x" as Hex,
    logIndex: "0x0",
    transactionHash: numberToHex(block + 99, { size: 32 }),
    transactionIndex: "0x0",
    topics: encodeEventTopics({ abi, eventName: "Ping", args: { seq: BigInt(block) } }) as Hex[],
    removed: false,
  };
}

function reader(withTimestamp: boolean, headerHash?: (block: number) => Hex) {
  const blockRequests: number[] = [];
  const client = createPublicClient({
    transport: custom({
      async request({ method, params }: { method: string; params?: unknown }) {
        const args = (params ?? []) as unknown[];
        if (method === "eth_getLogs")
          return [rpcLog(5, withTimestamp), rpcLog(5, withTimestamp), rpcLog(7, withTimestamp)];
        if (method === "eth_getBlockByNumber") {
          const block = Number(args[0] as string);
          blockRequests.push(block);
          return {
            hash: headerHash?.(block) ?? numberToHex(block, { size: 32 }),
            timestamp: numberToHex(2_000 + block),
          };
        }
        throw new Error(method);
      },
    }),
  });
  return { reader: createChainReader(client, [address], createEventDecoder(abi)), blockRequests };
}

describe("createChainReader", () => {
  it("takes block timestamps from the logs when the node returns them", async () => {
    const { reader: r, blockRequests } = reader(true);
    expect((await r.getLogs(5n, 7n)).map((log) => log.blockTimestamp)).toEqual([1_005n, 1_005n, 1_007n]);
    expect(blockRequests).toEqual([]);
  });

  it("reads them from block headers otherwise, once per block", async () => {
    const { reader: r, blockRequests } = reader(false);
    expect((await r.getLogs(5n, 7n)).map((log) => log.blockTimestamp)).toEqual([2_005n, 2_005n, 2_007n]);
    expect(blockRequests).toEqual([5, 7]);
  });

  it("refuses a header from another fork than the logs", async () => {
    const { reader: r } = reader(false, () => numberToHex(1, { size: 32 }));
    await expect(r.getLogs(5n, 7n)).rejects.toThrow("block 5 changed while its logs were read");
  });
});
