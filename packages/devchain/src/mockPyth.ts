import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  type Abi,
  type Account,
  type Address,
  type Chain,
  decodeAbiParameters,
  encodeAbiParameters,
  type Hex,
  isHex,
  type PublicClient,
  size,
  type Transport,
  type WalletClient,
} from "viem";

const pythPriceComponents = [
  { name: "price", type: "int64" },
  { name: "conf", type: "uint64" },
  { name: "expo", type: "int32" },
  { name: "publishTime", type: "uint256" },
] as const;

/**
 * The ABI layout of one MockPyth update: `abi.encode(PythStructs.PriceFeed priceFeed, uint64 prevPublishTime)`,
 * which `MockPyth.parsePriceFeedUpdates` decodes (and `updatePriceFeeds` reads the first half of).
 */
export const mockPythUpdateAbiParameters = [
  {
    name: "priceFeed",
    type: "tuple",
    components: [
      { name: "id", type: "bytes32" },
      { name: "price", type: "tuple", components: pythPriceComponents },
      { name: "emaPrice", type: "tuple", components: pythPriceComponents },
    ],
  },
  { name: "prevPublishTime", type: "uint64" },
] as const;

/** The fields of a MockPyth price update, in Pyth's integer units (`price x 10^expo`). */
export interface MockPythUpdateParameters {
  /** The 32-byte Pyth feed id, `0x`-prefixed. */
  feedId: Hex;
  /** int64 price mantissa. */
  price: bigint;
  /** uint64 confidence mantissa (same exponent as the price). */
  conf: bigint;
  /** int32 exponent, e.g. -8. */
  expo: number;
  /** Unix seconds (uint64). */
  publishTime: number;
  /** Unix seconds of the previous update of this feed (uint64). */
  prevPublishTime: number;
  /** EMA price mantissa; defaults to `price`. */
  emaPrice?: bigint;
  /** EMA confidence mantissa; defaults to `conf`. */
  emaConf?: bigint;
}

/** A decoded MockPyth update: the `PythStructs.PriceFeed` and the previous publish time. */
export interface MockPythUpdate {
  feedId: Hex;
  price: PythPrice;
  emaPrice: PythPrice;
  prevPublishTime: number;
}

/** `PythStructs.Price` with bigint mantissas and number exponent/time. */
export interface PythPrice {
  price: bigint;
  conf: bigint;
  expo: number;
  publishTime: number;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * Encodes a price update that the Pyth SDK's `MockPyth` accepts (`updatePriceFeeds`,
 * `parsePriceFeedUpdates`): byte for byte what `MockPyth.createPriceFeedUpdateData(id, price, conf,
 * expo, emaPrice, emaConf, publishTime, prevPublishTime)` returns. The EMA price shares the price's
 * exponent and publish time, as in MockPyth. Out-of-range values throw a `RangeError` naming the field.
 *
 * @example
 * const update = encodeMockPythUpdate({
 *   feedId: "0xff61491a931112ddf1bd8147cd1b641375f79f5825126d665480874634fd0ace",
 *   price: 3_000_12345678n, // 3000.12345678 USD
 *   conf: 1_50000000n,
 *   expo: -8,
 *   publishTime: 1_760_000_000,
 *   prevPublishTime: 1_759_999_999,
 * });
 * await walletClient.writeContract({ address: mockPyth, abi, functionName: "updatePriceFeeds", args: [[update]], value: fee });
 */
export function encodeMockPythUpdate(parameters: MockPythUpdateParameters): Hex {
  const { feedId, price, conf, expo, publishTime, prevPublishTime } = parameters;
  const emaPrice = parameters.emaPrice ?? price;
  const emaConf = parameters.emaConf ?? conf;
  if (!isHex(feedId, { strict: true }) || size(feedId) !== 32) {
    throw new RangeError(`feedId ${feedId} is not a 0x-prefixed 32-byte hex string`);
  }
  checkBigint("price", price, INT64_MIN, INT64_MAX);
  checkBigint("emaPrice", emaPrice, INT64_MIN, INT64_MAX);
  checkBigint("conf", conf, 0n, UINT64_MAX);
  checkBigint("emaConf", emaConf, 0n, UINT64_MAX);
  if (!Number.isSafeInteger(expo) || expo < INT32_MIN || expo > INT32_MAX) {
    throw new RangeError(`expo ${expo} is not an int32`);
  }
  checkTime("publishTime", publishTime);
  checkTime("prevPublishTime", prevPublishTime);
  const time = BigInt(publishTime);
  return encodeAbiParameters(mockPythUpdateAbiParameters, [
    {
      id: feedId,
      price: { price, conf, expo, publishTime: time },
      emaPrice: { price: emaPrice, conf: emaConf, expo, publishTime: time },
    },
    BigInt(prevPublishTime),
  ]);
}

/**
 * Decodes an update produced by {@link encodeMockPythUpdate} or `MockPyth.createPriceFeedUpdateData`.
 *
 * @example
 * decodeMockPythUpdate(update).price.price; // 300012345678n
 */
export function decodeMockPythUpdate(data: Hex): MockPythUpdate {
  const [feed, prevPublishTime] = decodeAbiParameters(mockPythUpdateAbiParameters, data);
  const toPrice = (value: (typeof feed)["price"]): PythPrice => ({
    price: value.price,
    conf: value.conf,
    expo: value.expo,
    publishTime: toSafeNumber("publishTime", value.publishTime),
  });
  return {
    feedId: feed.id,
    price: toPrice(feed.price),
    emaPrice: toPrice(feed.emaPrice),
    prevPublishTime: toSafeNumber("prevPublishTime", prevPublishTime),
  };
}

/** Where forge writes MockPyth's artifact in this repository (`contracts/out/MockPyth.sol/MockPyth.json`). */
export const DEFAULT_MOCK_PYTH_ARTIFACT_PATH = fileURLToPath(
  new URL("../../../contracts/out/MockPyth.sol/MockPyth.json", import.meta.url),
);

/** The parts of MockPyth's forge artifact needed to deploy and call it. */
export interface MockPythArtifact {
  abi: Abi;
  bytecode: Hex;
  path: string;
}

/**
 * Reads MockPyth's forge artifact (`abi` and `bytecode.object`), from `path`, else the
 * `MOCK_PYTH_ARTIFACT` environment variable, else {@link DEFAULT_MOCK_PYTH_ARTIFACT_PATH}.
 * Returns `undefined` when the file does not exist (contracts not compiled yet), so tests can skip;
 * throws when it exists but is not a forge artifact.
 *
 * @example
 * const artifact = loadMockPythArtifact();
 * if (artifact === undefined) console.warn("run forge build first");
 */
export function loadMockPythArtifact(path?: string): MockPythArtifact | undefined {
  const artifactPath = path ?? process.env.MOCK_PYTH_ARTIFACT ?? DEFAULT_MOCK_PYTH_ARTIFACT_PATH;
  if (!existsSync(artifactPath)) return undefined;
  const json = JSON.parse(readFileSync(artifactPath, "utf8")) as {
    abi?: unknown;
    bytecode?: { object?: unknown };
  };
  const bytecode = json.bytecode?.object;
  if (!Array.isArray(json.abi) || typeof bytecode !== "string" || !isHex(bytecode) || bytecode.length <= 2) {
    throw new Error(`${artifactPath}: not a forge artifact with abi and bytecode.object`);
  }
  return { abi: json.abi as Abi, bytecode, path: artifactPath };
}

export interface DeployMockPythParameters {
  artifact: MockPythArtifact;
  walletClient: WalletClient<Transport, Chain | undefined, Account>;
  publicClient: PublicClient;
  /** Seconds a stored price stays valid for `getPrice` (MockPyth's `validTimePeriod`). Default 60. */
  validTimePeriod?: bigint;
  /** Fee per update, in wei. Default 1. */
  singleUpdateFeeInWei?: bigint;
}

/**
 * Deploys MockPyth from its forge artifact and waits for the receipt.
 *
 * @example
 * const mockPyth = await deployMockPyth({ artifact, walletClient, publicClient, singleUpdateFeeInWei: 1n });
 */
export async function deployMockPyth(parameters: DeployMockPythParameters): Promise<Address> {
  const { artifact, walletClient, publicClient } = parameters;
  const hash = await walletClient.deployContract({
    abi: artifact.abi,
    bytecode: artifact.bytecode,
    args: [parameters.validTimePeriod ?? 60n, parameters.singleUpdateFeeInWei ?? 1n],
    account: walletClient.account,
    chain: walletClient.chain,
  });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success" || receipt.contractAddress == null) {
    throw new Error(`MockPyth deployment failed (transaction ${hash}, status ${receipt.status})`);
  }
  return receipt.contractAddress;
}

function checkBigint(name: string, value: bigint, min: bigint, max: bigint): void {
  if (typeof value !== "bigint" || value < min || value > max) {
    throw new RangeError(`${name} ${String(value)} is outside [${min}, ${max}]`);
  }
}

function checkTime(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} ${value} is not a non-negative integer number of seconds`);
  }
}

function toSafeNumber(name: string, value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER))
    throw new RangeError(`${name} ${value} exceeds a safe integer`);
  return Number(value);
}
