import { type Deployment, exchangeAbi, mockErc20Abi, poolTokenAbi } from "@bastion/contracts";
import { type Devchain, decimalToMantissa, localPriceUpdate, startDevchain } from "@bastion/devchain";
import {
  approveToken,
  createDeposit,
  createOrder,
  createWithdrawal,
  executeDeposit,
  executeOrder,
  executeWithdrawal,
  liquidatePosition,
} from "@bastion/sdk";
import {
  type Account,
  type Address,
  type Chain,
  createPublicClient,
  createTestClient,
  createWalletClient,
  encodeAbiParameters,
  type Hex,
  http,
  keccak256,
  type Log,
  maxUint256,
  type PublicClient,
  parseEventLogs,
  type TestClient,
  type Transport,
  type WalletClient,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";

type Wallet = WalletClient<Transport, Chain, Account>;

/** Decoded exchange and pool token events of one transaction, as viem decodes them (ground truth for tests). */
export type DecodedEvent =
  | ReturnType<typeof parseEventLogs<typeof exchangeAbi>>[number]
  | ReturnType<typeof parseEventLogs<typeof poolTokenAbi>>[number];

/** One action the driver performed, with what the chain said about it. */
export interface ActionRecord {
  readonly label: string;
  readonly blockNumber: bigint;
  readonly timestamp: bigint;
  /** ETH price (decimal string) the action executed at. */
  readonly ethPrice: string;
  readonly exchangeEvents: ReturnType<typeof parseEventLogs<typeof exchangeAbi>>;
  readonly transfers: ReturnType<typeof parseEventLogs<typeof poolTokenAbi>>;
}

const WETH_DECIMALS = 18;
const USDC_DECIMALS = 6;

/** USD (30 decimals) per smallest unit for a decimal USD price of a token with `decimals`. */
export function unitPrice(price: string, decimals: number): bigint {
  return decimalToMantissa(price, 8) * 10n ** BigInt(30 - 8 - decimals);
}

/**
 * Drives the devchain's exchange through the SDK with a deterministic clock: every transaction is
 * mined at the next second of the driver's clock (anvil `evm_setNextBlockTimestamp`), and every
 * keeper execution uses a MockPyth update published at that second with zero confidence, so the
 * oracle's min, max and mid prices coincide.
 */
export class ExchangeDriver {
  readonly devchain: Devchain;
  readonly deployment: Deployment;
  readonly publicClient: PublicClient<Transport, Chain>;
  readonly testClient: TestClient<"anvil", Transport, Chain>;
  readonly keeper: Wallet;
  readonly users: Wallet[];
  readonly market: Address;
  readonly actions: ActionRecord[] = [];
  ethPrice = "3000";
  clock: bigint;

  private constructor(devchain: Devchain, clock: bigint) {
    this.devchain = devchain;
    this.clock = clock;
    this.deployment = devchain.deployment;
    this.market = devchain.deployment.ethUsdMarket;
    const transport = http(devchain.rpcUrl, { retryCount: 0 });
    this.publicClient = createPublicClient({ chain: devchain.chain, transport, pollingInterval: 20 });
    this.testClient = createTestClient({ chain: devchain.chain, mode: "anvil", transport });
    const wallet = (privateKey: Hex): Wallet =>
      createWalletClient({
        account: privateKeyToAccount(privateKey),
        chain: devchain.chain,
        transport,
        pollingInterval: 20,
      });
    this.keeper = wallet(devchain.accounts.keeper.privateKey);
    this.users = devchain.accounts.users.map((account) => wallet(account.privateKey));
  }

  /** Starts a devchain, funds users 0..5 with WETH and USDC and approves the exchange. */
  static async start(): Promise<ExchangeDriver> {
    const devchain = await startDevchain();
    const client = createPublicClient({ chain: devchain.chain, transport: http(devchain.rpcUrl) });
    const head = await client.getBlock();
    // anvil refuses a next timestamp below its wall clock until one in the future was set.
    const now = BigInt(Math.floor(Date.now() / 1000));
    const driver = new ExchangeDriver(devchain, (head.timestamp > now ? head.timestamp : now) + 600n);
    for (const user of driver.users.slice(0, 6)) {
      await driver.#send("fund", async () =>
        driver.#write(user, driver.deployment.weth, mockErc20Abi, "mint", [user.account.address, 10n ** 24n]),
      );
      await driver.#send("fund", async () =>
        driver.#write(user, driver.deployment.usdc, mockErc20Abi, "mint", [user.account.address, 10n ** 15n]),
      );
      for (const token of [driver.deployment.weth, driver.deployment.usdc]) {
        await driver.#send("approve", async () => {
          const result = await approveToken(user, {
            token,
            spender: driver.deployment.exchange,
            amount: maxUint256,
          });
          return result.status === "approved" ? result.receipt.logs : [];
        });
      }
    }
    return driver;
  }

  /** Stops anvil. */
  stop(): Promise<void> {
    return this.devchain.stop();
  }

  /** Mid prices (min = max) per smallest unit of WETH and USDC at the driver's current ETH price. */
  get prices(): { weth: bigint; usdc: bigint } {
    return { weth: unitPrice(this.ethPrice, WETH_DECIMALS), usdc: unitPrice("1", USDC_DECIMALS) };
  }

  /** Moves the clock forward (the next transaction is mined `seconds` later). */
  warp(seconds: bigint): void {
    this.clock += seconds;
  }

  /** Deposits `weth` and `usdc` (smallest units) for user `lp`, executed by the keeper. */
  async deposit(lp: number, weth: bigint, usdc: bigint, minShares = 0n): Promise<void> {
    const user = this.#user(lp);
    const { requestId } = await this.#send(`deposit request ${lp}`, async () => {
      const result = await createDeposit(user, {
        exchange: this.deployment.exchange,
        market: this.market,
        longTokenAmount: weth,
        shortTokenAmount: usdc,
        minShares,
      });
      return { logs: result.receipt.logs, requestId: result.requestId };
    });
    await this.#executeRequest(`deposit ${lp}`, (priceUpdate) =>
      executeDeposit(this.keeper, { exchange: this.deployment.exchange, id: requestId, priceUpdate }),
    );
  }

  /** Withdraws `shares` of user `lp`, executed by the keeper. */
  async withdraw(lp: number, shares: bigint): Promise<void> {
    const user = this.#user(lp);
    const { requestId } = await this.#send(`withdrawal request ${lp}`, async () => {
      const result = await createWithdrawal(user, {
        exchange: this.deployment.exchange,
        market: this.market,
        shares,
      });
      return { logs: result.receipt.logs, requestId: result.requestId };
    });
    await this.#executeRequest(`withdrawal ${lp}`, (priceUpdate) =>
      executeWithdrawal(this.keeper, { exchange: this.deployment.exchange, id: requestId, priceUpdate }),
    );
  }

  /** Opens or grows a position with USDC collateral. */
  async increase(trader: number, isLong: boolean, sizeUsd: bigint, collateralUsdc: bigint): Promise<void> {
    const user = this.#user(trader);
    const { requestId } = await this.#send(`increase request ${trader}`, async () => {
      const result = await createOrder(user, {
        exchange: this.deployment.exchange,
        market: this.market,
        collateralToken: this.deployment.usdc,
        isLong,
        orderType: "MarketIncrease",
        sizeDeltaUsd: sizeUsd,
        collateralDeltaAmount: collateralUsdc,
        acceptablePrice: isLong ? maxUint256 : 0n,
      });
      return { logs: result.receipt.logs, requestId: result.requestId };
    });
    await this.#executeRequest(`increase ${trader}`, (priceUpdate) =>
      executeOrder(this.keeper, { exchange: this.deployment.exchange, id: requestId, priceUpdate }),
    );
  }

  /** Closes `sizeUsd` of a USDC-collateral position (all of it when `sizeUsd` is the size). */
  async decrease(trader: number, isLong: boolean, sizeUsd: bigint): Promise<void> {
    const user = this.#user(trader);
    const { requestId } = await this.#send(`decrease request ${trader}`, async () => {
      const result = await createOrder(user, {
        exchange: this.deployment.exchange,
        market: this.market,
        collateralToken: this.deployment.usdc,
        isLong,
        orderType: "MarketDecrease",
        sizeDeltaUsd: sizeUsd,
        acceptablePrice: isLong ? 0n : maxUint256,
      });
      return { logs: result.receipt.logs, requestId: result.requestId };
    });
    await this.#executeRequest(`decrease ${trader}`, (priceUpdate) =>
      executeOrder(this.keeper, { exchange: this.deployment.exchange, id: requestId, priceUpdate }),
    );
  }

  /** Liquidates a trader's USDC-collateral position; returns whether it was liquidated. */
  async liquidate(trader: number, isLong: boolean): Promise<boolean> {
    const key = this.positionKey(trader, isLong);
    const outcome = await this.#execute(`liquidation ${trader}`, async (priceUpdate) => {
      const result = await liquidatePosition(this.keeper, {
        exchange: this.deployment.exchange,
        positionKey: key,
        priceUpdate,
      });
      return { ...result, outcome: result.outcome };
    });
    return outcome.status === "liquidated";
  }

  /** A plain ERC-20 transfer of LP shares. */
  async transferShares(from: number, to: number, shares: bigint): Promise<void> {
    const user = this.#user(from);
    await this.#send(`share transfer ${from}->${to}`, async () =>
      this.#write(user, this.market, poolTokenAbi, "transfer", [this.#user(to).account.address, shares]),
    );
  }

  /** The exchange's position key of a USDC-collateral position. */
  positionKey(trader: number, isLong: boolean): Hex {
    return keccak256(
      encodeAbiParameters(
        [{ type: "address" }, { type: "address" }, { type: "address" }, { type: "bool" }],
        [this.#user(trader).account.address, this.market, this.deployment.usdc, isLong],
      ),
    );
  }

  /** Address of user `index`. */
  address(index: number): Address {
    return this.#user(index).account.address;
  }

  /** Pool token balance of an address at a block. */
  sharesOf(index: number, blockNumber: bigint): Promise<bigint> {
    return this.publicClient.readContract({
      address: this.market,
      abi: poolTokenAbi,
      functionName: "balanceOf",
      args: [this.address(index)],
      blockNumber,
    });
  }

  /** `getPoolValue(market, mid prices, false, true)` at a block, at an ETH price. */
  poolValueAt(blockNumber: bigint, ethPrice: string): Promise<bigint> {
    const weth = unitPrice(ethPrice, WETH_DECIMALS);
    const usdc = unitPrice("1", USDC_DECIMALS);
    return this.publicClient.readContract({
      address: this.deployment.exchange,
      abi: exchangeAbi,
      functionName: "getPoolValue",
      args: [
        this.market,
        { index: { min: weth, max: weth }, long: { min: weth, max: weth }, short: { min: usdc, max: usdc } },
        false,
        true,
      ],
      blockNumber,
    });
  }

  #user(index: number): Wallet {
    const user = this.users[index];
    if (user === undefined) throw new Error(`no user ${index}`);
    return user;
  }

  async #write(
    wallet: Wallet,
    address: Address,
    abi: typeof mockErc20Abi | typeof poolTokenAbi,
    functionName: string,
    args: readonly unknown[],
  ): Promise<Log[]> {
    const hash = await wallet.writeContract({ address, abi, functionName, args } as never);
    const receipt = await this.publicClient.waitForTransactionReceipt({ hash, pollingInterval: 20 });
    if (receipt.status !== "success") throw new Error(`${functionName} reverted`);
    return receipt.logs;
  }

  /** Runs one transaction at the next second of the clock and records its events. */
  async #send<T extends Log[] | { logs: Log[] }>(label: string, send: () => Promise<T>): Promise<T> {
    this.clock += 1n;
    await this.testClient.setNextBlockTimestamp({ timestamp: this.clock });
    const result = await send();
    const logs = Array.isArray(result) ? result : result.logs;
    const blockNumber = logs[0]?.blockNumber ?? (await this.publicClient.getBlockNumber());
    this.actions.push({
      label,
      blockNumber,
      timestamp: this.clock,
      ethPrice: this.ethPrice,
      exchangeEvents: parseEventLogs({
        abi: exchangeAbi,
        logs: logs.filter((l) => l.address.toLowerCase() === this.deployment.exchange.toLowerCase()),
      }),
      transfers: parseEventLogs({
        abi: poolTokenAbi,
        logs: logs.filter((l) => l.address.toLowerCase() === this.market.toLowerCase()),
        eventName: "Transfer",
      }),
    });
    return result;
  }

  async #executeRequest(
    label: string,
    run: (
      priceUpdate: Hex[],
    ) => Promise<{ receipt: { logs: Log[] }; outcome: { status: string; reason?: { message?: string } } }>,
  ): Promise<void> {
    const outcome = await this.#execute(label, run);
    if (outcome.status !== "executed") {
      throw new Error(`${label} was not executed: ${outcome.status} ${outcome.reason?.message ?? ""}`);
    }
  }

  async #execute<O>(
    label: string,
    run: (priceUpdate: Hex[]) => Promise<{ receipt: { logs: Log[] }; outcome: O }>,
  ): Promise<O> {
    let outcome: O | undefined;
    await this.#send(label, async () => {
      const priceUpdate = localPriceUpdate({ "ETH/USD": this.ethPrice }, Number(this.clock), 0n);
      const result = await run(priceUpdate);
      outcome = result.outcome;
      return result.receipt.logs;
    });
    return outcome as O;
  }
}
