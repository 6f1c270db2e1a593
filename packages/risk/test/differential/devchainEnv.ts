import {
  bastionErrorsAbi,
  exchangeAbi,
  mockErc20Abi,
  PYTH_FEED_IDS,
  pythOracleAbi,
} from "@bastion/contracts";
import { type Devchain, encodeMockPythUpdate, startDevchain } from "@bastion/devchain";
import {
  type Abi,
  type Address,
  createPublicClient,
  createTestClient,
  createWalletClient,
  decodeErrorResult,
  type Hex,
  http,
  type Log,
  maxUint256,
  type PublicClient,
  parseEventLogs,
  type TestClient,
  type TransactionReceipt,
  type WalletClient,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import type { MarketPrices, OracleSettings } from "../../src/mirror/types.js";
import { type ParsedPythPrice, priceRangesFromPyth } from "../../src/readers/priceRangesFromPyth.js";
import { type MarketSnapshot, readMarketState } from "../../src/readers/readMarketState.js";
import { type MarketFeeds, readMarketFeeds, readOracleSettings } from "../../src/readers/readOracle.js";

export const PYTH_EXPO = -8;
export const USD = 10n ** 30n;
const EXECUTION_FEE = 10n ** 14n;
const GAS = 6_000_000n;

/** A market of the local deployment: its id, tokens and their Pyth feeds. */
export interface LocalMarket {
  name: "ETH/USD" | "BTC/USD";
  address: Address;
  indexSymbol: "ETH/USD" | "BTC/USD";
  longToken: Address;
  shortToken: Address;
  longDecimals: number;
  shortDecimals: number;
  feeds: MarketFeeds;
}

/** Pyth mantissas (expo -8) and confidences of the local feeds. */
export interface FeedPrices {
  index: { price: bigint; conf: bigint };
  usdc: { price: bigint; conf: bigint };
}

/** What an execution emitted, decoded. */
export interface Execution {
  receipt: TransactionReceipt;
  logs: ReturnType<typeof parseEventLogs<typeof exchangeAbi>>;
  /** The decoded reason when the request was cancelled after a failed execution. */
  cancelled: { errorName: string; args: readonly unknown[] } | undefined;
}

/**
 * The local chain with Bastion deployed, driven block by block: every transaction gets the next
 * timestamp (`now + 1`), so the mirror can be given the exact block timestamp beforehand.
 */
export class DevchainEnv {
  readonly publicClient: PublicClient;
  readonly testClient: TestClient;
  readonly keeper: WalletClient;
  readonly users: WalletClient[];
  readonly markets: { eth: LocalMarket; btc: LocalMarket };
  oracleSettings!: OracleSettings;
  now = 0n;

  private constructor(readonly devchain: Devchain) {
    const transport = http(devchain.rpcUrl);
    this.publicClient = createPublicClient({ chain: devchain.chain, transport });
    this.testClient = createTestClient({ chain: devchain.chain, mode: "anvil", transport });
    const wallet = (privateKey: Hex) =>
      createWalletClient({ chain: devchain.chain, transport, account: privateKeyToAccount(privateKey) });
    this.keeper = wallet(devchain.accounts.keeper.privateKey);
    this.users = devchain.accounts.users.map((account) => wallet(account.privateKey));
    const d = devchain.deployment;
    const placeholder = {} as MarketFeeds;
    this.markets = {
      eth: {
        name: "ETH/USD",
        address: d.ethUsdMarket,
        indexSymbol: "ETH/USD",
        longToken: d.weth,
        shortToken: d.usdc,
        longDecimals: 18,
        shortDecimals: 6,
        feeds: placeholder,
      },
      btc: {
        name: "BTC/USD",
        address: d.btcUsdMarket,
        indexSymbol: "BTC/USD",
        longToken: d.wbtc,
        shortToken: d.usdc,
        longDecimals: 8,
        shortDecimals: 6,
        feeds: placeholder,
      },
    };
  }

  static async start(): Promise<DevchainEnv> {
    const devchain = await startDevchain();
    try {
      const env = new DevchainEnv(devchain);
      const block = await env.publicClient.getBlock();
      // anvil refuses a next timestamp below its clock (wall time after loading a state).
      const wall = BigInt(Math.floor(Date.now() / 1000));
      env.now = (block.timestamp > wall ? block.timestamp : wall) + 10n;
      env.oracleSettings = await readOracleSettings(env.publicClient, { oracle: devchain.deployment.oracle });
      for (const market of [env.markets.eth, env.markets.btc]) {
        const snapshot = await env.readMarket(market);
        market.feeds = await readMarketFeeds(env.publicClient, {
          oracle: devchain.deployment.oracle,
          market: snapshot.state,
        });
      }
      return env;
    } catch (error) {
      await devchain.stop();
      throw error;
    }
  }

  get exchange(): Address {
    return this.devchain.deployment.exchange;
  }

  stop(): Promise<void> {
    return this.devchain.stop();
  }

  /** Sends a transaction in its own block at `now + 1` and returns its decoded exchange events. */
  async send(
    wallet: WalletClient,
    call: { address: Address; abi: Abi; functionName: string; args: readonly unknown[]; value?: bigint },
  ): Promise<Execution> {
    this.now += 1n;
    await this.testClient.setNextBlockTimestamp({ timestamp: this.now });
    const account = wallet.account;
    if (account === undefined) throw new Error("wallet without account");
    const hash = await wallet.writeContract({
      address: call.address,
      abi: call.abi,
      functionName: call.functionName,
      args: call.args,
      value: call.value ?? 0n,
      gas: GAS,
      account,
      chain: this.devchain.chain,
    });
    const receipt = await this.publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`${call.functionName} reverted (tx ${hash})`);
    const logs = parseEventLogs({ abi: exchangeAbi, logs: receipt.logs as Log[] });
    const cancel = logs.find((log) => log.eventName === "RequestCancelled");
    let cancelled: Execution["cancelled"];
    if (cancel !== undefined && cancel.eventName === "RequestCancelled" && cancel.args.reason !== "0x") {
      const decoded = decodeErrorResult({ abi: bastionErrorsAbi, data: cancel.args.reason });
      cancelled = { errorName: decoded.errorName, args: decoded.args ?? [] };
    }
    return { receipt, logs, cancelled };
  }

  /** Moves time forward (the next transaction's block will be `seconds` later). */
  warp(seconds: bigint): void {
    this.now += seconds;
  }

  /** Mines an empty block at `now + 1` (views pinned to it evaluate at that timestamp). */
  async mine(): Promise<{ blockNumber: bigint; timestamp: bigint }> {
    this.now += 1n;
    await this.testClient.setNextBlockTimestamp({ timestamp: this.now });
    await this.testClient.mine({ blocks: 1 });
    const block = await this.publicClient.getBlock();
    if (block.number === null) throw new Error("no block number");
    return { blockNumber: block.number, timestamp: block.timestamp };
  }

  async mint(wallet: WalletClient, token: Address, amount: bigint): Promise<void> {
    const to = wallet.account?.address;
    if (to === undefined) throw new Error("wallet without account");
    await this.send(wallet, { address: token, abi: mockErc20Abi, functionName: "mint", args: [to, amount] });
    await this.send(wallet, {
      address: token,
      abi: mockErc20Abi,
      functionName: "approve",
      args: [this.exchange, maxUint256],
    });
  }

  /** Pyth update data for a market's feeds and the parsed prices it carries, published at `publishTime`. */
  pythUpdate(
    market: LocalMarket,
    prices: FeedPrices,
    publishTime: bigint,
  ): { update: Hex[]; parsed: ParsedPythPrice[] } {
    const feeds: [Hex, { price: bigint; conf: bigint }][] = [
      [PYTH_FEED_IDS[market.indexSymbol], prices.index],
      [PYTH_FEED_IDS["USDC/USD"], prices.usdc],
    ];
    const update = feeds.map(([feedId, p]) =>
      encodeMockPythUpdate({
        feedId,
        price: p.price,
        conf: p.conf,
        expo: PYTH_EXPO,
        publishTime: Number(publishTime),
        prevPublishTime: Number(publishTime) - 1,
      }),
    );
    const parsed = feeds.map(([feedId, p]) => ({
      id: feedId,
      price: { price: p.price, conf: p.conf, expo: PYTH_EXPO, publish_time: publishTime },
    }));
    return { update, parsed };
  }

  /** The MarketPrices the oracle derives from `parsed` (the mirror of `verifyMarketPrices`). */
  marketPrices(market: LocalMarket, parsed: readonly ParsedPythPrice[], timestamp: bigint): MarketPrices {
    return priceRangesFromPyth(parsed, market.feeds, this.oracleSettings, { timestamp });
  }

  async updateFee(update: readonly Hex[]): Promise<bigint> {
    return this.publicClient.readContract({
      address: this.devchain.deployment.oracle,
      abi: pythOracleAbi,
      functionName: "getUpdateFee",
      args: [update],
    });
  }

  readMarket(market: LocalMarket, blockNumber?: bigint): Promise<MarketSnapshot> {
    return readMarketState(this.publicClient, {
      exchange: this.exchange,
      market: market.address,
      includeVaultBalances: true,
      ...(blockNumber === undefined ? {} : { blockNumber }),
    });
  }

  /** Creates a deposit; returns its id. */
  async createDeposit(
    wallet: WalletClient,
    market: LocalMarket,
    longAmount: bigint,
    shortAmount: bigint,
  ): Promise<bigint> {
    const { logs } = await this.send(wallet, {
      address: this.exchange,
      abi: exchangeAbi,
      functionName: "createDeposit",
      args: [market.address, longAmount, shortAmount, 0n],
      value: EXECUTION_FEE,
    });
    const created = logs.find((log) => log.eventName === "DepositCreated");
    if (created?.eventName !== "DepositCreated") throw new Error("no DepositCreated");
    return created.args.id;
  }

  async createWithdrawal(wallet: WalletClient, market: LocalMarket, shares: bigint): Promise<bigint> {
    const { logs } = await this.send(wallet, {
      address: this.exchange,
      abi: exchangeAbi,
      functionName: "createWithdrawal",
      args: [market.address, shares, 0n, 0n],
      value: EXECUTION_FEE,
    });
    const created = logs.find((log) => log.eventName === "WithdrawalCreated");
    if (created?.eventName !== "WithdrawalCreated") throw new Error("no WithdrawalCreated");
    return created.args.id;
  }

  /** Creates a market order; returns its id. */
  async createOrder(
    wallet: WalletClient,
    params: {
      market: LocalMarket;
      collateralToken: Address;
      isLong: boolean;
      increase: boolean;
      sizeDeltaUsd: bigint;
      collateralDeltaAmount: bigint;
      acceptablePrice: bigint;
    },
  ): Promise<bigint> {
    const { logs } = await this.send(wallet, {
      address: this.exchange,
      abi: exchangeAbi,
      functionName: "createOrder",
      args: [
        {
          market: params.market.address,
          collateralToken: params.collateralToken,
          isLong: params.isLong,
          orderType: params.increase ? 0 : 1,
          sizeDeltaUsd: params.sizeDeltaUsd,
          collateralDeltaAmount: params.collateralDeltaAmount,
          triggerPrice: 0n,
          acceptablePrice: params.acceptablePrice,
        },
      ],
      value: EXECUTION_FEE,
    });
    const created = logs.find((log) => log.eventName === "OrderCreated");
    if (created?.eventName !== "OrderCreated") throw new Error("no OrderCreated");
    return created.args.id;
  }

  /** Executes a request with `update` (published at the request's creation), as the keeper. */
  async execute(
    kind: "executeDeposit" | "executeWithdrawal" | "executeOrder",
    id: bigint,
    update: Hex[],
  ): Promise<Execution> {
    return this.send(this.keeper, {
      address: this.exchange,
      abi: exchangeAbi,
      functionName: kind,
      args: [id, update],
      value: await this.updateFee(update),
    });
  }

  /** Calls `liquidatePosition`; returns undefined when the oracle held the price back for confirmation. */
  async liquidate(wallet: WalletClient, key: Hex, update: Hex[]): Promise<Execution | undefined> {
    const execution = await this.send(wallet, {
      address: this.exchange,
      abi: exchangeAbi,
      functionName: "liquidatePosition",
      args: [key, update],
      value: await this.updateFee(update),
    });
    return execution.logs.some((log) => log.eventName === "PositionLiquidated") ? execution : undefined;
  }
}

/** Pyth mantissa (expo -8) of a USD price given in cents. */
export function mantissaFromCents(cents: bigint): bigint {
  return cents * 10n ** 6n;
}
