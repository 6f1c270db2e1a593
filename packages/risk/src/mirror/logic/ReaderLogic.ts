/**
 * Mirror of `contracts/src/logic/ReaderLogic.sol`: the exchange's views (`getPoolValue`,
 * `getPositionHealth`, `getSolvency`), each accrued to a block timestamp.
 * @module
 */
import { add, addI, mul, subI } from "../evm.js";
import { toInt } from "../libraries/FixedPoint.js";
import { cappedPnlUsd } from "../libraries/PoolMath.js";
import { pendingBorrowingUsd, pendingFundingUsd } from "../libraries/RateMath.js";
import {
  type MarketPrices,
  type MarketState,
  type PositionState,
  type Solvency,
  type VaultTokenBalances,
  ZERO_ADDRESS,
} from "../types.js";
import { accruedRates, poolValueUsd, sidePnlUsd } from "./MarketLogic.js";
import { maintenanceMarginUsd, positionHealth } from "./PositionHealth.js";

/** `getPoolValue(market, prices, maximize, capPnl)` evaluated at block `timestamp`. */
export function poolValueAt(
  m: MarketState,
  prices: MarketPrices,
  timestamp: bigint,
  maximize: boolean,
  capPnl: boolean,
): bigint {
  return poolValueUsd(m, accruedRates(m, prices, timestamp), prices, maximize, capPnl);
}

/** The result of `getPositionHealth`. */
export interface PositionHealthView {
  remainingCollateralUsd: bigint;
  maintenanceMarginUsd: bigint;
  liquidatable: boolean;
}

/**
 * `getPositionHealth(key, prices)` evaluated at block `timestamp`: (0, 0, false) for a missing position.
 *
 * @example
 * const view = positionHealthAt(market, position, prices, block.timestamp);
 * if (view.liquidatable) await liquidate(key);
 */
export function positionHealthAt(
  m: MarketState,
  position: PositionState,
  prices: MarketPrices,
  timestamp: bigint,
): PositionHealthView {
  if (position.account === ZERO_ADDRESS) {
    return { remainingCollateralUsd: 0n, maintenanceMarginUsd: 0n, liquidatable: false };
  }
  const rates = accruedRates(m, prices, timestamp);
  const remainingCollateralUsd = positionHealth(m, position, rates, prices).remainingCollateralUsd;
  const maintenance = maintenanceMarginUsd(m, position.sizeUsd);
  return {
    remainingCollateralUsd,
    maintenanceMarginUsd: maintenance,
    liquidatable: remainingCollateralUsd < toInt(maintenance),
  };
}

/**
 * `getSolvency(market, prices)` evaluated at block `timestamp`. `vault` holds the pool's real ERC-20
 * balances (`longToken.balanceOf(market)`, `shortToken.balanceOf(market)`).
 */
export function solvencyAt(
  m: MarketState,
  prices: MarketPrices,
  timestamp: bigint,
  vault: VaultTokenBalances,
): Solvency {
  const b = m.balances;
  const rates = accruedRates(m, prices, timestamp);
  const longPrice = prices.long.min;
  const shortPrice = prices.short.min;
  const assetsUsd = add(mul(vault.longToken, longPrice), mul(vault.shortToken, shortPrice));
  const traderCollateralUsd = add(
    mul(b.collateralLongTokenAmount, longPrice),
    mul(b.collateralShortTokenAmount, shortPrice),
  );
  const traderPnlUsd = addI(
    cappedPnlUsd(
      sidePnlUsd(m, true, prices.index.max),
      mul(b.longAmount, longPrice),
      m.config.risk.maxPnlFactor,
    ),
    cappedPnlUsd(
      sidePnlUsd(m, false, prices.index.min),
      mul(b.shortAmount, shortPrice),
      m.config.risk.maxPnlFactor,
    ),
  );
  const oi = m.openInterest;
  const pendingFeesUsd = addI(
    addI(
      toInt(
        add(
          pendingBorrowingUsd(
            oi.longUsd,
            rates.cumulativeBorrowingFactorLong,
            rates.borrowingSnapshotSumLong,
          ),
          pendingBorrowingUsd(
            oi.shortUsd,
            rates.cumulativeBorrowingFactorShort,
            rates.borrowingSnapshotSumShort,
          ),
        ),
      ),
      pendingFundingUsd(oi.longUsd, rates.cumulativeFundingPerSizeLong, rates.fundingSnapshotSumLong),
    ),
    pendingFundingUsd(oi.shortUsd, rates.cumulativeFundingPerSizeShort, rates.fundingSnapshotSumShort),
  );
  const escrowAndClaimsUsd = add(
    mul(add(b.escrowLongTokenAmount, b.claimableLongTokenAmount), longPrice),
    mul(add(b.escrowShortTokenAmount, b.claimableShortTokenAmount), shortPrice),
  );
  const insuranceFundUsd = add(
    mul(b.insuranceLongAmount, longPrice),
    mul(b.insuranceShortAmount, shortPrice),
  );
  const lpValueUsd = poolValueUsd(m, rates, prices, false, true);
  const liabilities = subI(
    addI(toInt(add(traderCollateralUsd, escrowAndClaimsUsd)), traderPnlUsd),
    pendingFeesUsd,
  );
  const liabilitiesUsd = liabilities > 0n ? liabilities : 0n;
  return {
    assetsUsd,
    traderCollateralUsd,
    traderPnlUsd,
    pendingFeesUsd,
    escrowAndClaimsUsd,
    insuranceFundUsd,
    lpValueUsd,
    liabilitiesUsd,
    surplusUsd: subI(toInt(assetsUsd), toInt(liabilitiesUsd)),
  };
}
