import { exchangeAbi, poolTokenAbi } from "@bastion/contracts";
import { createWalletClient, custom, type Hex, http, parseEther } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  mint,
  PRICES,
  priceUpdate,
  startTestChain,
  type TestChain,
  type TestWallet,
  userAt,
} from "../../../test/fixtures.js";
import { BastionContractError, isRequestGone, RequestGoneError } from "../../errors/errors.js";
import { sharesForDepositUsd } from "../../utils/poolMath.js";
import { approveToken } from "../wallet/approveToken.js";
import { createDeposit } from "../wallet/createDeposit.js";
import { executeDeposit } from "./executeDeposit.js";

describe("executeDeposit", () => {
  let chain: TestChain;
  let user: TestWallet;
  beforeAll(async () => {
    chain = await startTestChain();
    user = userAt(chain, 0);
    await mint(chain, chain.deployment.usdc, user.account.address, 100_000_000_000n);
    await approveToken(user, {
      token: chain.deployment.usdc,
      spender: chain.exchange,
      amount: 100_000_000_000n,
    });
  });
  afterAll(async () => {
    await chain?.stop();
  });

  const deposit = (minShares = 0n) =>
    createDeposit(user, {
      exchange: chain.exchange,
      market: chain.deployment.ethUsdMarket,
      shortTokenAmount: 10_000_000_000n, // 10,000 USDC
      minShares,
    });

  it("executes with the oracle's fee and reports `executed`", async () => {
    const { requestId } = await deposit();
    const pool = chain.deployment.ethUsdMarket;
    const keeperBalance = await chain.publicClient.getBalance({ address: chain.keeper.account.address });
    const { outcome, receipt } = await executeDeposit(chain.keeper, {
      exchange: chain.exchange,
      id: requestId,
      priceUpdate: await priceUpdate(chain, PRICES),
    });
    expect(outcome).toEqual({ status: "executed" });
    // The Pyth fee (1 wei per update, three feeds) was sent exactly, and the keeper earned the execution fee.
    const tx = await chain.publicClient.getTransaction({ hash: receipt.transactionHash });
    expect(tx.value).toBe(3n);
    const gasCost = receipt.gasUsed * receipt.effectiveGasPrice;
    expect(await chain.publicClient.getBalance({ address: chain.keeper.account.address })).toBe(
      keeperBalance - gasCost - 3n + parseEther("0.0001"),
    );
    // 10,000 USDC at $0.9999 (min price) less the 3 bp liquidity fee, at $1 per share in an empty pool.
    const depositUsd = 10_000_000_000n * 999_900_000_000_000_000_000_000n;
    const shares = await chain.publicClient.readContract({
      address: pool,
      abi: poolTokenAbi,
      functionName: "balanceOf",
      args: [user.account.address],
    });
    expect(shares).toBe(sharesForDepositUsd(depositUsd - (depositUsd * 3n) / 10_000n, 0n, 0n));
    expect(shares).toBe(9_996_000_300_000_000_000_000n);
  });

  it("reports `cancelled` with the decoded reason when the deposit fails its own conditions", async () => {
    const { requestId } = await deposit(10n ** 40n);
    const { outcome } = await executeDeposit(chain.keeper, {
      exchange: chain.exchange,
      id: requestId,
      priceUpdate: await priceUpdate(chain, PRICES),
    });
    expect(outcome.status).toBe("cancelled");
    if (outcome.status !== "cancelled") return;
    expect(outcome.reason.name).toBe("MinSharesNotMet");
    expect(outcome.reason.args[1]).toBe(10n ** 40n);
    expect(outcome.reason.message).toMatch(/^MinSharesNotMet: the deposit would mint \d+ shares/);
  });

  it("throws RequestGoneError when another keeper executed first (simulation)", async () => {
    const { requestId } = await deposit();
    const update = await priceUpdate(chain, PRICES);
    await executeDeposit(chain.keeper, { exchange: chain.exchange, id: requestId, priceUpdate: update });
    const error = await executeDeposit(chain.secondKeeper, {
      exchange: chain.exchange,
      id: requestId,
      priceUpdate: update,
    }).catch((e: unknown) => e);
    expect(isRequestGone(error)).toBe(true);
    expect((error as RequestGoneError).id).toBe(requestId);
    expect((error as RequestGoneError).kind).toBe("deposit");
  });

  it("throws RequestGoneError when two keepers race into the same block", async () => {
    const { requestId } = await deposit();
    const update = await priceUpdate(chain, PRICES);
    // Both keepers simulate against the same state before either sends: each client's transport holds
    // its raw transaction until the other has one too, so neither simulation can see the other's.
    const holdUntilBothSend = sendBarrier(2);
    const keeperA = racingKeeper(chain.devchain.accounts.keeper.privateKey, holdUntilBothSend);
    const keeperB = racingKeeper(chain.devchain.accounts.secondKeeper.privateKey, holdUntilBothSend);
    await chain.publicClient.request({ method: "evm_setAutomine", params: [false] } as never);
    try {
      const settled = Promise.allSettled([
        executeDeposit(keeperA, { exchange: chain.exchange, id: requestId, priceUpdate: update }),
        executeDeposit(keeperB, { exchange: chain.exchange, id: requestId, priceUpdate: update }),
      ]);
      await Promise.race([
        holdUntilBothSend.released,
        settled.then((results) => {
          throw new Error(
            `a keeper finished before both had sent: ${JSON.stringify(results.map((r) => r.status))}`,
          );
        }),
      ]);
      await waitForPendingTransactions(2);
      await chain.publicClient.request({ method: "evm_mine", params: [] } as never);
      const results = await settled;
      const fulfilled = results.filter((r) => r.status === "fulfilled");
      const rejected = results.filter((r) => r.status === "rejected");
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      const reason = (rejected[0] as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(RequestGoneError);
      expect((reason as RequestGoneError).message).toMatch(/reverted/);
    } finally {
      await chain.publicClient.request({ method: "evm_setAutomine", params: [true] } as never);
    }
  });

  /** A keeper wallet whose raw transactions wait at `barrier` before reaching anvil. */
  function racingKeeper(privateKey: Hex, barrier: SendBarrier): TestWallet {
    const base = http(chain.devchain.rpcUrl)({ chain: chain.devchain.chain });
    const transport = custom({
      async request({ method, params }) {
        if (method === "eth_sendRawTransaction") await barrier.arrive();
        return base.request({ method, params });
      },
    });
    return createWalletClient({
      account: privateKeyToAccount(privateKey),
      chain: chain.devchain.chain,
      transport,
    });
  }

  async function waitForPendingTransactions(count: number) {
    for (let attempt = 0; attempt < 200; attempt++) {
      const pending = await chain.publicClient.getBlock({ blockTag: "pending" });
      if (pending.transactions.length >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`fewer than ${count} transactions reached the mempool within 10 s`);
  }

  it("fails with a decoded error for a price published before the request", async () => {
    const { requestId } = await deposit();
    const createdAt = Number(
      (
        await chain.publicClient.readContract({
          address: chain.exchange,
          abi: exchangeAbi,
          functionName: "getDeposit",
          args: [requestId],
        })
      ).createdAt,
    );
    const error = await executeDeposit(chain.keeper, {
      exchange: chain.exchange,
      id: requestId,
      priceUpdate: await priceUpdate(chain, PRICES, createdAt - 1),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BastionContractError);
    expect((error as BastionContractError).decoded.name).toBe("PriceFeedNotFoundWithinRange");
  });
});

interface SendBarrier {
  /** Resolves once `parties` senders have arrived. */
  arrive(): Promise<void>;
  released: Promise<void>;
}

/** Holds every arriving sender until `parties` have arrived, then lets them all through. */
function sendBarrier(parties: number): SendBarrier {
  let arrived = 0;
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    released,
    arrive() {
      arrived += 1;
      if (arrived >= parties) release();
      return released;
    },
  };
}
