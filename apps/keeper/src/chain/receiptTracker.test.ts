import { type Devchain, startDevchain } from "@bastion/devchain";
import {
  type Chain,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  type PublicClient,
  type Transport,
} from "viem";
import { createNonceManager, privateKeyToAccount } from "viem/accounts";
import { jsonRpc } from "viem/nonce";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReceiptTracker } from "./receiptTracker.js";

describe("createReceiptTracker", () => {
  let devchain: Devchain;
  let client: PublicClient<Transport, Chain>;

  beforeAll(async () => {
    devchain = await startDevchain();
    client = createPublicClient({
      chain: devchain.chain,
      transport: http(devchain.rpcUrl, { batch: { wait: 0 } }),
    }) as PublicClient<Transport, Chain>;
  });
  afterAll(async () => {
    await devchain?.stop();
  });

  it("resolves every receipt of concurrent sends, idle periods included, with one read per block", async () => {
    const tracker = createReceiptTracker(client, { pollIntervalMs: 20, timeoutMs: 30_000 });
    const wallets = devchain.accounts.users.slice(0, 3).map((account) =>
      createWalletClient({
        account: privateKeyToAccount(account.privateKey, {
          nonceManager: createNonceManager({ source: jsonRpc() }),
        }),
        chain: devchain.chain,
        transport: http(devchain.rpcUrl),
      }),
    );
    try {
      for (let round = 0; round < 3; round++) {
        const hashes: Hex[] = await Promise.all(
          Array.from({ length: 30 }, (_, i) => {
            const wallet = wallets[i % wallets.length];
            if (!wallet) throw new Error("no wallet");
            return wallet.sendTransaction({ to: wallet.account.address, value: 0n });
          }),
        );
        const receipts = await Promise.all(hashes.map((hash) => tracker.wait({ hash })));
        expect(receipts.map((r) => r.transactionHash)).toEqual(hashes);
        expect(receipts.every((r) => r.status === "success")).toBe(true);
        expect(tracker.pending).toBe(0);
        // Idle while other blocks are mined.
        await client.request({ method: "anvil_mine", params: ["0x5"] } as never);
      }
    } finally {
      tracker.stop();
    }
  });

  it("times out a transaction that never lands", async () => {
    const tracker = createReceiptTracker(client, { pollIntervalMs: 20, timeoutMs: 300 });
    await expect(tracker.wait({ hash: `0x${"11".repeat(32)}` })).rejects.toThrow(/no receipt/);
    tracker.stop();
  });
});
