import { exchangeAbi } from "@bastion/contracts";
import { parseEventLogs } from "viem";
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
import { executeDeposit } from "../keeper/executeDeposit.js";
import { approveToken } from "../wallet/approveToken.js";
import { createDeposit } from "../wallet/createDeposit.js";
import { getMarketPrices } from "./getMarketPrices.js";
import { getPoolValue } from "./getPoolValue.js";

describe("getPoolValue", () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await startTestChain();
    await seedEthPool(chain, userAt(chain, 0));
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it("values the pool as the deposit execution does, and balances x prices with no open interest", async () => {
    const { exchange } = chain;
    const market = chain.deployment.ethUsdMarket;
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
    const predicted = await getPoolValue(chain.publicClient, {
      exchange,
      market,
      prices,
      maximize: true,
      capPnl: true,
    });
    expect(predicted).toBe(100n * 10n ** 18n * prices.long.max + 300_000n * 10n ** 6n * prices.short.max);
    const low = await getPoolValue(chain.publicClient, { exchange, market, prices });
    expect(low).toBe(100n * 10n ** 18n * prices.long.min + 300_000n * 10n ** 6n * prices.short.min);

    const { receipt } = await executeDeposit(chain.keeper, {
      exchange,
      id: requestId,
      priceUpdate: await priceUpdate(chain, PRICES, time),
    });
    const [executed] = parseEventLogs({ abi: exchangeAbi, logs: receipt.logs, eventName: "DepositExecuted" });
    expect(executed?.args.poolValueUsd).toBe(predicted);
  });
});
