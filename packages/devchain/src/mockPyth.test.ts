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
import { ANVIL_DEV_ACCOUNTS, type AnvilInstance, startAnvil } from "./anvil.js";
import {
  DEFAULT_MOCK_PYTH_ARTIFACT_PATH,
  decodeMockPythUpdate,
  deployMockPyth,
  encodeMockPythUpdate,
  loadMockPythArtifact,
  type MockPythUpdateParameters,
} from "./mockPyth.js";

const ETH_USD: Hex = "0xff61491a931112ddf1bd8147cd1b641375f79f5825126d665480874634fd0ace";
const BTC_USD: Hex = "0xe62df6c8b4a85fe1a67db44dc12de5db330f7ac66b72dc658afedf0f4a415b43";
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

const samples: MockPythUpdateParameters[] = [
  {
    feedId: ETH_USD,
    price: 300_012_345_678n,
    conf: 99_004_074n,
    expo: -8,
    publishTime: 1_760_000_000,
    prevPublishTime: 1_759_999_999,
  },
  {
    feedId: BTC_USD,
    price: -123_456_789n,
    conf: 7n,
    expo: -5,
    publishTime: 1_700_000_123,
    prevPublishTime: 1_700_000_100,
    emaPrice: -120_000_000n,
    emaConf: 11n,
  },
  { feedId: ETH_USD, price: 42n, conf: 0n, expo: 3, publishTime: 1, prevPublishTime: 0 },
  {
    feedId: `0x${"ab".repeat(32)}`,
    price: INT64_MIN,
    conf: UINT64_MAX,
    expo: -(2 ** 31),
    publishTime: Number.MAX_SAFE_INTEGER,
    prevPublishTime: Number.MAX_SAFE_INTEGER - 1,
    emaPrice: INT64_MAX,
    emaConf: 0n,
  },
];

describe("encodeMockPythUpdate (offline)", () => {
  it("is ten static words and decodes back to its inputs", () => {
    for (const sample of samples) {
      const update = encodeMockPythUpdate(sample);
      expect((update.length - 2) / 2).toBe(10 * 32);
      const time = sample.publishTime;
      expect(decodeMockPythUpdate(update)).toEqual({
        feedId: sample.feedId,
        price: { price: sample.price, conf: sample.conf, expo: sample.expo, publishTime: time },
        emaPrice: {
          price: sample.emaPrice ?? sample.price,
          conf: sample.emaConf ?? sample.conf,
          expo: sample.expo,
          publishTime: time,
        },
        prevPublishTime: sample.prevPublishTime,
      });
    }
  });

  it("rejects values that do not fit the Solidity types, naming the field", () => {
    const base = samples[0] as MockPythUpdateParameters;
    expect(() => encodeMockPythUpdate({ ...base, price: INT64_MAX + 1n })).toThrow(/^price .* is outside/);
    expect(() => encodeMockPythUpdate({ ...base, conf: -1n })).toThrow(/^conf -1 is outside/);
    expect(() => encodeMockPythUpdate({ ...base, emaConf: UINT64_MAX + 1n })).toThrow(/^emaConf/);
    expect(() => encodeMockPythUpdate({ ...base, expo: 2 ** 31 })).toThrow(
      /^expo 2147483648 is not an int32/,
    );
    expect(() => encodeMockPythUpdate({ ...base, publishTime: 1.5 })).toThrow(/^publishTime 1.5/);
    expect(() => encodeMockPythUpdate({ ...base, prevPublishTime: -1 })).toThrow(/^prevPublishTime -1/);
    expect(() => encodeMockPythUpdate({ ...base, feedId: "0x1234" })).toThrow(/feedId 0x1234 is not/);
  });
});

const artifact = loadMockPythArtifact();
if (artifact === undefined) {
  console.warn(
    `MockPyth artifact not found at ${DEFAULT_MOCK_PYTH_ARTIFACT_PATH}: skipping the on-chain tests (compile the contracts first)`,
  );
}

describe.skipIf(artifact === undefined)(
  `encodeMockPythUpdate against MockPyth on anvil${artifact === undefined ? " (SKIPPED: no MockPyth artifact; compile the contracts)" : ""}`,
  () => {
    let anvil: AnvilInstance;
    let publicClient: PublicClient;
    let mockPyth: Address;
    const account = privateKeyToAccount(ANVIL_DEV_ACCOUNTS[0].privateKey);
    const abi = artifact?.abi ?? [];

    beforeAll(async () => {
      if (artifact === undefined) return;
      anvil = await startAnvil();
      publicClient = createPublicClient({ transport: http(anvil.rpcUrl) });
      const walletClient = createWalletClient({ account, transport: http(anvil.rpcUrl) });
      mockPyth = await deployMockPyth({ artifact, walletClient, publicClient, singleUpdateFeeInWei: 7n });
    });
    afterAll(async () => {
      await anvil?.stop();
    });

    it("returns exactly what createPriceFeedUpdateData returns", async () => {
      for (const sample of samples) {
        const onChain = await publicClient.readContract({
          address: mockPyth,
          abi,
          functionName: "createPriceFeedUpdateData",
          args: [
            sample.feedId,
            sample.price,
            sample.conf,
            sample.expo,
            sample.emaPrice ?? sample.price,
            sample.emaConf ?? sample.conf,
            BigInt(sample.publishTime),
            BigInt(sample.prevPublishTime),
          ],
        });
        expect(encodeMockPythUpdate(sample)).toBe(onChain);
      }
    });

    it("is accepted by parsePriceFeedUpdates with the fee from getUpdateFee", async () => {
      const eth = samples[0] as MockPythUpdateParameters;
      const btc = samples[1] as MockPythUpdateParameters;
      const updateData = [encodeMockPythUpdate(eth), encodeMockPythUpdate(btc)];
      const fee = await publicClient.readContract({
        address: mockPyth,
        abi,
        functionName: "getUpdateFee",
        args: [updateData],
      });
      expect(fee).toBe(14n);
      const { result } = await publicClient.simulateContract({
        account,
        address: mockPyth,
        abi,
        functionName: "parsePriceFeedUpdates",
        args: [updateData, [BTC_USD, ETH_USD], 1_700_000_000n, 1_760_000_000n],
        value: fee as bigint,
      });
      expect(result).toEqual([
        {
          id: BTC_USD,
          price: { price: btc.price, conf: btc.conf, expo: btc.expo, publishTime: BigInt(btc.publishTime) },
          emaPrice: {
            price: btc.emaPrice,
            conf: btc.emaConf,
            expo: btc.expo,
            publishTime: BigInt(btc.publishTime),
          },
        },
        {
          id: ETH_USD,
          price: { price: eth.price, conf: eth.conf, expo: eth.expo, publishTime: BigInt(eth.publishTime) },
          emaPrice: {
            price: eth.price,
            conf: eth.conf,
            expo: eth.expo,
            publishTime: BigInt(eth.publishTime),
          },
        },
      ]);
    });

    it("is rejected outside the requested publish-time window and without the fee", async () => {
      const eth = samples[0] as MockPythUpdateParameters;
      const updateData = [encodeMockPythUpdate(eth)];
      const simulate = (minTime: bigint, maxTime: bigint, value: bigint) =>
        publicClient.simulateContract({
          account,
          address: mockPyth,
          abi,
          functionName: "parsePriceFeedUpdates",
          args: [updateData, [ETH_USD], minTime, maxTime],
          value,
        });
      await expect(simulate(BigInt(eth.publishTime + 1), BigInt(eth.publishTime + 10), 7n)).rejects.toThrow(
        /PriceFeedNotFoundWithinRange/,
      );
      await expect(simulate(0n, BigInt(eth.publishTime), 6n)).rejects.toThrow(/InsufficientFee/);
    });
  },
);
