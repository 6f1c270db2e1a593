import { MarketLogic, type MarketPrices, type MarketState, RateMath } from "@bastion/risk";

/** Utilization of one side: what its open interest reserves of the pool token backing it (30-decimal factor). */
export function sideUtilization(market: MarketState, prices: MarketPrices, isLong: boolean): bigint {
  return RateMath.utilizationFactor(
    MarketLogic.reservedUsd(market.openInterest, prices, isLong),
    MarketLogic.sidePoolUsd(market, prices, isLong),
  );
}

/** Borrowing rate per second a side pays the pool at its current utilization (kink model, as the contract). */
export function borrowingRatePerSecond(market: MarketState, prices: MarketPrices, isLong: boolean): bigint {
  const rates = market.config.rates;
  return RateMath.borrowingRatePerSecond(
    sideUtilization(market, prices, isLong),
    rates.borrowingBaseRatePerSecond,
    rates.borrowingSlope1PerSecond,
    rates.borrowingSlope2PerSecond,
    rates.optimalUtilizationFactor,
  );
}

/**
 * Funding per second for a side, positive when the side pays and negative when it receives: the
 * larger side pays `factor x skew / total`; the smaller receives what it pays spread over its own
 * open interest (capped at 10x the rate, as the contract). Zero while either side is empty.
 */
export function fundingRatePerSecond(market: MarketState, isLong: boolean): bigint {
  const { longUsd, shortUsd } = market.openInterest;
  const rate = RateMath.fundingRatePerSecond(longUsd, shortUsd, market.config.rates.fundingFactorPerSecond);
  if (rate === 0n) return 0n;
  const longsPay = longUsd > shortUsd;
  if (isLong === longsPay) return rate;
  const payer = longsPay ? longUsd : shortUsd;
  const receiver = longsPay ? shortUsd : longUsd;
  const received = (rate * payer) / receiver;
  const cap = rate * RateMath.MAX_FUNDING_RECEIVER_MULTIPLE;
  // biome-ignore lint/complexity/useMathMinMax: bigints (Math.min takes numbers).
  return -(received > cap ? cap : received);
}
