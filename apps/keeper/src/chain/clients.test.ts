import { type Devchain, startDevchain } from "@bastion/devchain";
import { parseGwei } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKeeperClients, KEEPER_BASE_FEE_MULTIPLIER } from "./clients.js";

describe("keeper clients", () => {
  let devchain: Devchain;
  beforeAll(async () => {
    devchain = await startDevchain();
  });
  afterAll(async () => {
    await devchain?.stop();
  });

  it("price transactions at twice the base fee plus the tip, so a rising base fee does not strand them", async () => {
    const clients = createKeeperClients({
      rpcUrl: devchain.rpcUrl,
      chainId: devchain.chain.id,
      privateKeys: [devchain.accounts.keeper.privateKey],
      pollIntervalMs: 50,
      maxFeePerGasWei: parseGwei("200"),
    });
    try {
      const block = await clients.publicClient.getBlock();
      const fees = await clients.publicClient.estimateFeesPerGas();
      expect(KEEPER_BASE_FEE_MULTIPLIER).toBe(2);
      expect(fees.maxFeePerGas).toBe(2n * (block.baseFeePerGas ?? 0n) + fees.maxPriorityFeePerGas);
      // A base fee 12.5% higher in each of the next five blocks is still covered.
      expect(fees.maxFeePerGas).toBeGreaterThan(((block.baseFeePerGas ?? 0n) * 9n ** 5n) / 8n ** 5n);
    } finally {
      clients.receipts.stop();
    }
  });
});
