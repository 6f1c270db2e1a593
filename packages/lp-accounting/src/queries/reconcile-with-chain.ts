import { exchangeAbi, poolTokenAbi } from "@bastion/contracts";
import type { Address, Client } from "viem";
import { getBlock, readContract } from "viem/actions";
import type { LpAccounting } from "../accounting/lp-accounting.js";
import { NotIndexedError, ReconciliationError } from "../errors.js";
import { getBadDebtLedger, reconcileBadDebtLedger } from "./bad-debt-ledger.js";
import { getPoolSnapshot } from "./pool-snapshot.js";

/** Parameters of {@link reconcileWithChain}. */
export interface ReconcileWithChainParameters {
  readonly exchange: Address;
  readonly market: Address;
  /** Block to compare at (default: the last indexed block). LP balances are compared only there. */
  readonly blockNumber?: bigint;
}

/** What was compared, all equal. */
export interface ChainReconciliation {
  readonly blockNumber: bigint;
  readonly timestamp: bigint;
  readonly poolValueUsd: bigint;
  readonly totalSupply: bigint;
  readonly lpBalancesChecked: number;
}

/**
 * Compares the accounting with the chain at a block, exactly: the pool value against
 * `exchange.getPoolValue(market, prices, false, true)` at the accounting prices (min = max) and the
 * block's timestamp, the LP supply against `totalSupply()`, the bad-debt totals against
 * `getMarket(market).ledger`, and (at the last indexed block) every LP's shares against
 * `balanceOf` plus what it has escrowed for pending withdrawals.
 *
 * @throws {ReconciliationError} with the numbers on any difference; {NotIndexedError} beyond the index.
 * @example
 * await reconcileWithChain(client, accounting, { exchange, market });
 */
export async function reconcileWithChain(
  client: Client,
  accounting: LpAccounting,
  parameters: ReconcileWithChainParameters,
): Promise<ChainReconciliation> {
  const { exchange, market } = parameters;
  const through = accounting.indexedThrough;
  if (through === null) throw new NotIndexedError("nothing is indexed yet");
  const blockNumber = parameters.blockNumber ?? through.blockNumber;
  const block = await getBlock(client, { blockNumber });
  const snapshot = getPoolSnapshot(accounting, {
    market,
    at: { block: blockNumber, timestamp: block.timestamp },
  });
  const prices = {
    index: { min: snapshot.indexPrice, max: snapshot.indexPrice },
    long: { min: snapshot.longPrice, max: snapshot.longPrice },
    short: { min: snapshot.shortPrice, max: snapshot.shortPrice },
  };
  const [poolValue, totalSupply, onChainMarket] = await Promise.all([
    readContract(client, {
      address: exchange,
      abi: exchangeAbi,
      functionName: "getPoolValue",
      args: [market, prices, false, true],
      blockNumber,
    }),
    readContract(client, { address: market, abi: poolTokenAbi, functionName: "totalSupply", blockNumber }),
    readContract(client, {
      address: exchange,
      abi: exchangeAbi,
      functionName: "getMarket",
      args: [market],
      blockNumber,
    }),
  ]);
  if (poolValue !== snapshot.valueUsd || totalSupply !== snapshot.totalSupply) {
    throw new ReconciliationError(`pool ${market} at block ${blockNumber} differs from the chain`, {
      indexedPoolValueUsd: snapshot.valueUsd,
      onChainPoolValueUsd: poolValue,
      indexedTotalSupply: snapshot.totalSupply,
      onChainTotalSupply: totalSupply,
    });
  }
  reconcileBadDebtLedger(getBadDebtLedger(accounting, { market }), onChainMarket.ledger);
  let lpBalancesChecked = 0;
  if (blockNumber === through.blockNumber) {
    const ledger = accounting.pool(market);
    for (const [key, account] of ledger.accounts) {
      if (key === market.toLowerCase()) continue;
      const balance = await readContract(client, {
        address: market,
        abi: poolTokenAbi,
        functionName: "balanceOf",
        args: [account.account],
        blockNumber,
      });
      const expected = ledger.shares.sharesOf(key) - ledger.shares.escrowedOf(key);
      if (balance !== expected) {
        throw new ReconciliationError(
          `LP ${account.account} in ${market} at block ${blockNumber}: wallet shares differ`,
          {
            indexedWalletShares: expected,
            onChainBalance: balance,
          },
        );
      }
      lpBalancesChecked++;
    }
  }
  return { blockNumber, timestamp: block.timestamp, poolValueUsd: poolValue, totalSupply, lpBalancesChecked };
}
