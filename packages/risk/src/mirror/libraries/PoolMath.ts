/**
 * Mirror of `contracts/src/libraries/PoolMath.sol`: pool value, LP share conversions, traders' PnL
 * caps and the ADL ratio.
 * @module
 */
import { add, addI, MAX_UINT256, sub, subI } from "../evm.js";
import { mulDivDown, mulDown, ONE, toInt } from "./FixedPoint.js";

/** Virtual shares (one share worth $1) against first-depositor share inflation. */
export const VIRTUAL_SHARES = 10n ** 18n;
/** Virtual USD matching {@link VIRTUAL_SHARES}. */
export const VIRTUAL_USD = 10n ** 30n;

/** Inputs of {@link poolValueUsd}, already priced on the side the caller needs. */
export interface PoolValueInputs {
  longTokenUsd: bigint;
  shortTokenUsd: bigint;
  pendingBorrowingUsd: bigint;
  pendingFundingUsd: bigint;
  longPnlUsd: bigint;
  shortPnlUsd: bigint;
}

/** Traders' PnL on a side with profit capped at maxPnlFactor x the side's pool USD (factor 0: no cap). */
export function cappedPnlUsd(pnl: bigint, sidePoolUsd: bigint, maxPnlFactor: bigint): bigint {
  if (pnl <= 0n || maxPnlFactor === 0n) return pnl;
  const cap = mulDown(sidePoolUsd, maxPnlFactor);
  return pnl > cap ? toInt(cap) : pnl;
}

/** Pool value in USD; may be negative when traders' gains exceed the pool. */
export function poolValueUsd(inputs: PoolValueInputs): bigint {
  return subI(
    subI(
      addI(
        toInt(add(add(inputs.longTokenUsd, inputs.shortTokenUsd), inputs.pendingBorrowingUsd)),
        inputs.pendingFundingUsd,
      ),
      inputs.longPnlUsd,
    ),
    inputs.shortPnlUsd,
  );
}

/** Shares minted for `depositUsd`, rounded down: depositUsd x (supply + virtual) / (pool value + virtual). */
export function sharesForDepositUsd(depositUsd: bigint, poolValue: bigint, totalSupply: bigint): bigint {
  const value = poolValue > 0n ? poolValue : 0n;
  return mulDivDown(depositUsd, add(totalSupply, VIRTUAL_SHARES), add(value, VIRTUAL_USD));
}

/** USD value of `shares`, rounded down. */
export function usdForShares(shares: bigint, poolValue: bigint, totalSupply: bigint): bigint {
  const value = poolValue > 0n ? poolValue : 0n;
  return mulDivDown(shares, add(value, VIRTUAL_USD), add(totalSupply, VIRTUAL_SHARES));
}

/** Splits a withdrawal's USD between the pool tokens in proportion to their value; long rounds down, short takes the rest. */
export function splitWithdrawalUsd(
  usd: bigint,
  longTokenUsd: bigint,
  shortTokenUsd: bigint,
): { longUsd: bigint; shortUsd: bigint } {
  const total = add(longTokenUsd, shortTokenUsd);
  if (total === 0n) return { longUsd: 0n, shortUsd: 0n };
  const longUsd = mulDivDown(usd, longTokenUsd, total);
  return { longUsd, shortUsd: sub(usd, longUsd) };
}

/** Traders' PnL on a side as a factor of the side's pool USD, rounded down; 0 unless in profit, uint max on an empty pool. */
export function pnlToPoolFactor(sidePnlUsd: bigint, sidePoolUsd: bigint): bigint {
  if (sidePnlUsd <= 0n) return 0n;
  if (sidePoolUsd === 0n) return MAX_UINT256;
  return mulDivDown(sidePnlUsd, ONE, sidePoolUsd);
}

/** Scales a realized profit down when the side's PnL exceeds its cap: profit x capped / side PnL, rounded down. */
export function capRealizedProfit(realizedPnl: bigint, sidePnl: bigint, cappedSidePnl: bigint): bigint {
  if (realizedPnl <= 0n || sidePnl <= 0n || cappedSidePnl >= sidePnl) return realizedPnl;
  if (cappedSidePnl <= 0n) return 0n;
  return toInt(mulDivDown(realizedPnl, cappedSidePnl, sidePnl));
}
