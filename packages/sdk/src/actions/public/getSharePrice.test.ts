import { exchangeAbi, FLOAT_ONE } from "@bastion/contracts";
import { parseEther, parseEventLogs } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  latestTimestamp,
  localPythPrices,
  mint,
  PRICES,
  priceUpdate,
  seedEthPool,
  startTestChain,
  type TestChain,
  userAt,
} from "../../../test/fixtures.js";
import { openEthPosition } from "../../../test/positions.js";
import { sharesForDepositUsd } from "../../utils/poolMath.js";
import { executeDeposit } from "../keeper/executeDeposit.js";
import { executeWithdrawal } from "../keeper/executeWithdrawal.js";
import { approveToken } from "../wallet/approveToken.js";
import { createDeposit } from "../wallet/createDeposit.js";
import { createWithdrawal } from "../wallet/createWithdrawal.js";
import { getMarketPrices } from "./getMarketPrices.js";
import { getSharePrice } from "./getSharePrice.js";

describe("getSharePrice", () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await startTestChain();
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it("prices a share of an empty pool at exactly $1 (virtual shares and USD)", async () => {
    const market = chain.deployment.btcUsdMarket;
    const prices = await getMarketPrices(chain.publicClient, {
      exchange: chain.exchange,
      market,
      prices: localPythPrices(PRICES, 1),
    });
    const result = await getSharePrice(chain.publicClient, { exchange: chain.exchange, market, prices });
    expect(result).toEqual({
      sharePriceUsd: FLOAT_ONE,
      poolValueUsd: 0n,
      totalSupply: 0n,
      variant: "withdrawal",
    });
  });

  it("uses the pool value deposits and withdrawals execute at", async () => {
    const { exchange } = chain;
    const market = chain.deployment.ethUsdMarket;
    await seedEthPool(chain, userAt(chain, 0));
    await openEthPosition(chain, userAt(chain, 2), { sizeUsd: "50000", collateralUsdc: 5_000n });

    // A deposit mints what the deposit-variant share price says.
    const user = userAt(chain, 1);
    await mint(chain, chain.deployment.usdc, user.account.address, 1_000_000_000n);
    await approveToken(user, { token: chain.deployment.usdc, spender: exchange, amount: 1_000_000_000n });
    const { requestId } = await createDeposit(user, { exchange, market, shortTokenAmount: 1_000_000_000n });
    const time = await latestTimestamp(chain);
    const prices = await getMarketPrices(chain.publicClient, {
      exchange,
      market,
      prices: localPythPrices(PRICES, time),
    });
    const deposit = await getSharePrice(chain.publicClient, { exchange, market, prices, variant: "deposit" });
    const withdrawal = await getSharePrice(chain.publicClient, { exchange, market, prices });
    expect(deposit.sharePriceUsd).toBeGreaterThan(withdrawal.sharePriceUsd);

    const { receipt } = await executeDeposit(chain.keeper, {
      exchange,
      id: requestId,
      priceUpdate: await priceUpdate(chain, PRICES, time),
    });
    const [executed] = parseEventLogs({ abi: exchangeAbi, logs: receipt.logs, eventName: "DepositExecuted" });
    if (!executed) throw new Error("no DepositExecuted");
    const depositUsd = 1_000_000_000n * prices.short.min;
    expect(executed.args.totalSupplyBefore).toBe(deposit.totalSupply);
    expect(executed.args.sharesMinted).toBe(
      sharesForDepositUsd(depositUsd - executed.args.feeUsd, executed.args.poolValueUsd, deposit.totalSupply),
    );
    // Same valuation up to the borrowing fee accrued between the read and the execution (never less).
    expect(executed.args.poolValueUsd).toBeGreaterThanOrEqual(deposit.poolValueUsd);
    expect(executed.args.poolValueUsd - deposit.poolValueUsd).toBeLessThan(FLOAT_ONE);

    // A withdrawal executes at the withdrawal-variant pool value.
    const lp = userAt(chain, 0);
    const { requestId: withdrawalId } = await createWithdrawal(lp, {
      exchange,
      market,
      shares: parseEther("100"),
    });
    const wTime = await latestTimestamp(chain);
    const wPrices = await getMarketPrices(chain.publicClient, {
      exchange,
      market,
      prices: localPythPrices(PRICES, wTime),
    });
    const before = await getSharePrice(chain.publicClient, { exchange, market, prices: wPrices });
    const { receipt: wReceipt } = await executeWithdrawal(chain.keeper, {
      exchange,
      id: withdrawalId,
      priceUpdate: await priceUpdate(chain, PRICES, wTime),
    });
    const [withdrawn] = parseEventLogs({
      abi: exchangeAbi,
      logs: wReceipt.logs,
      eventName: "WithdrawalExecuted",
    });
    expect(withdrawn?.args.totalSupplyBefore).toBe(before.totalSupply);
    // Same valuation up to the borrowing fee accrued between the read and the execution (never less).
    expect(withdrawn?.args.poolValueUsd).toBeGreaterThanOrEqual(before.poolValueUsd);
    expect((withdrawn?.args.poolValueUsd ?? 0n) - before.poolValueUsd).toBeLessThan(FLOAT_ONE);
  });
});
