import {
  ANVIL_DEV_ACCOUNTS,
  type AnvilInstance,
  DEFAULT_MOCK_PYTH_ARTIFACT_PATH,
  deployMockPyth,
  loadMockPythArtifact,
  startAnvil,
} from "@bastion/devchain";
import { HermesClient } from "@pythnetwork/hermes-client";
import {
  type Address,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  type PublicClient,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "./logger.js";
import { type PriceService, startPriceService } from "./startPriceService.js";

const ETH = "ff61491a931112ddf1bd8147cd1b641375f79f5825126d665480874634fd0ace";
const BTC = "e62df6c8b4a85fe1a67db44dc12de5db330f7ac66b72dc658afedf0f4a415b43";
const USDC = "eaa020c61cc479712813461ce153894a96a6c00b21ed0cfc2798d1f9a9e9c94a";

const artifact = loadMockPythArtifact();
if (artifact === undefined) {
  console.warn(
    `MockPyth artifact not found at ${DEFAULT_MOCK_PYTH_ARTIFACT_PATH}: skipping the end-to-end test`,
  );
}

describe.skipIf(artifact === undefined)(
  `served updates on a real MockPyth${artifact === undefined ? " (SKIPPED: no MockPyth artifact; compile the contracts)" : ""}`,
  () => {
    const account = privateKeyToAccount(ANVIL_DEV_ACCOUNTS[0].privateKey);
    const abi = artifact?.abi ?? [];
    let anvil: AnvilInstance;
    let service: PriceService;
    let publicClient: PublicClient;
    let mockPyth: Address;
    let hermes: HermesClient;

    beforeAll(async () => {
      if (artifact === undefined) return;
      [anvil, service] = await Promise.all([
        startAnvil(),
        startPriceService({ port: 0, logger: silentLogger, seed: 3, apiKey: "local-key" }),
      ]);
      publicClient = createPublicClient({ transport: http(anvil.rpcUrl) });
      const walletClient = createWalletClient({ account, transport: http(anvil.rpcUrl) });
      mockPyth = await deployMockPyth({ artifact, walletClient, publicClient, singleUpdateFeeInWei: 1n });
      hermes = new HermesClient(service.url, { headers: { Authorization: "Bearer local-key" } });
    });
    afterAll(async () => {
      await Promise.all([anvil?.stop(), service?.stop()]);
    });

    /** Simulates `parsePriceFeedUpdates` with the fee `getUpdateFee` asks for. */
    async function parseOnChain(updateData: Hex[], ids: Hex[], minTime: number, maxTime: number) {
      const fee = (await publicClient.readContract({
        address: mockPyth,
        abi,
        functionName: "getUpdateFee",
        args: [updateData],
      })) as bigint;
      expect(fee).toBe(BigInt(updateData.length));
      const { result } = await publicClient.simulateContract({
        account,
        address: mockPyth,
        abi,
        functionName: "parsePriceFeedUpdates",
        args: [updateData, ids, BigInt(minTime), BigInt(maxTime)],
        value: fee,
      });
      return result as Array<{
        id: Hex;
        price: { price: bigint; conf: bigint; expo: number; publishTime: bigint };
      }>;
    }

    it("parsePriceFeedUpdates accepts the latest update data with its price, conf, expo and publish time", async () => {
      const update = await hermes.getLatestPriceUpdates([ETH, BTC, USDC]);
      const updateData = update.binary.data.map((data): Hex => `0x${data}`);
      const parsed = update.parsed ?? [];
      const publishTime = parsed[0]?.price.publish_time ?? 0;
      const feeds = await parseOnChain(
        updateData,
        [`0x${USDC}`, `0x${ETH}`, `0x${BTC}`],
        publishTime,
        publishTime,
      );
      const expected = (id: string) => {
        const feed = parsed.find((candidate) => candidate.id === id);
        return {
          id: `0x${id}`,
          price: {
            price: BigInt(feed?.price.price ?? -1),
            conf: BigInt(feed?.price.conf ?? -1),
            expo: -8,
            publishTime: BigInt(publishTime),
          },
          emaPrice: {
            price: BigInt(feed?.ema_price.price ?? -1),
            conf: BigInt(feed?.ema_price.conf ?? -1),
            expo: -8,
            publishTime: BigInt(publishTime),
          },
        };
      };
      expect(feeds).toEqual([expected(USDC), expected(ETH), expected(BTC)]);
      expect(feeds[0]?.price.price).toBe(100_000_000n);
    });

    it("a manual price fetched at its publish time lands on chain through updatePriceFeeds", async () => {
      const held = await service.setPrice("ETH", "1512.34", { conf: "1.5" });
      const update = await hermes.getPriceUpdatesAtTimestamp(held.publishTime, [ETH]);
      const updateData = update.binary.data.map((data): Hex => `0x${data}`);
      const [feed] = await parseOnChain(updateData, [`0x${ETH}`], held.publishTime, held.publishTime);
      expect(feed?.price).toEqual({
        price: 151_234_000_000n,
        conf: 150_000_000n,
        expo: -8,
        publishTime: BigInt(held.publishTime),
      });

      const walletClient = createWalletClient({ account, transport: http(anvil.rpcUrl) });
      const hash = await walletClient.writeContract({
        address: mockPyth,
        abi,
        functionName: "updatePriceFeeds",
        args: [updateData],
        value: 1n,
        chain: null,
      });
      expect((await publicClient.waitForTransactionReceipt({ hash })).status).toBe("success");
      const stored = await publicClient.readContract({
        address: mockPyth,
        abi,
        functionName: "getPriceUnsafe",
        args: [`0x${ETH}`],
      });
      expect(stored).toEqual({
        price: 151_234_000_000n,
        conf: 150_000_000n,
        expo: -8,
        publishTime: BigInt(held.publishTime),
      });
      await service.clearPrice("ETH");
    });

    it("an update outside the requested window is rejected on chain", async () => {
      const update = await hermes.getLatestPriceUpdates([ETH]);
      const publishTime = update.parsed?.[0]?.price.publish_time ?? 0;
      await expect(
        parseOnChain(
          update.binary.data.map((data): Hex => `0x${data}`),
          [`0x${ETH}`],
          publishTime + 1,
          publishTime + 60,
        ),
      ).rejects.toThrow(/PriceFeedNotFoundWithinRange/);
    });
  },
);
