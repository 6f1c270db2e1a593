/**
 * Portfolio margin (SPAN-like): the requirement is the worst loss of the whole account over a set of
 * joint price scenarios, with a floor. Every value is the mirror's position health at the shocked
 * prices, so PnL, index-token collateral, fees and impact move exactly as on chain.
 * @module
 */
import { mulDiv } from "../mirror/evm.js";
import { positionHealth } from "../mirror/logic/PositionHealth.js";
import { type MarketPrices, type PositionState, type PriceRange, sameAddress } from "../mirror/types.js";
import { InvalidParameterError } from "../volatility/errors.js";
import { evaluatePositions, findMarket, type MarginContext, type MarginMarket } from "./marginContext.js";
import type { MarginScenario } from "./scenarioGrid.js";

/** The floor of a portfolio requirement: the larger of its two parts. */
export interface PortfolioMarginFloor {
  /** Least margin per position, USD 30 decimals (e.g. the market's `minCollateralUsd`). */
  perPositionUsd?: bigint;
  /** Least margin as a factor of gross notional (1e30 = 100%), e.g. 0.5%. */
  grossNotionalFactorE30?: bigint;
}

/** Parameters of {@link portfolioMargin}. */
export interface PortfolioMarginParameters {
  /** The market each scenario move applies to, in the order of `moves` (ids as `position.market`). */
  scenarioMarkets: readonly MarginMarket["market"][];
  scenarios: readonly MarginScenario[];
  floor: PortfolioMarginFloor;
  /** Account collateral beyond the positions' own, USD 30 decimals; default 0. */
  extraCollateralUsd?: bigint;
}

/** One scenario's result. */
export interface PortfolioScenarioLoss {
  name: string;
  moves: readonly number[];
  /** Account value now minus account value in the scenario (positive = loss). */
  lossUsd: bigint;
}

/** What {@link portfolioMargin} returns. */
export interface PortfolioMarginReturnType {
  model: "portfolio";
  /** max(worst loss, floor). */
  requirementUsd: bigint;
  worstLossUsd: bigint;
  worstScenario: PortfolioScenarioLoss;
  floorUsd: bigint;
  /** Same equity as cross margin: collateral + PnL - fees - negative impact. */
  equityUsd: bigint;
  excessUsd: bigint;
  liquidatable: boolean;
  grossNotionalUsd: bigint;
  losses: PortfolioScenarioLoss[];
}

/** Scale of the fixed-point move applied to prices (1e-12 resolution). */
const MOVE_SCALE = 1_000_000_000_000n;

/** A price range moved by `move` (relative), rounded down; a move of 0 leaves it unchanged. */
function shockRange(range: PriceRange, moveScaled: bigint): PriceRange {
  if (moveScaled === 0n) return range;
  const factor = MOVE_SCALE + moveScaled;
  return { min: mulDiv(range.min, factor, MOVE_SCALE), max: mulDiv(range.max, factor, MOVE_SCALE) };
}

/** The market's prices with its index token (and any pool token that is the index token) moved. */
function shockedPrices(market: MarginMarket, moveScaled: bigint): MarketPrices {
  const { prices, state } = market;
  const index = shockRange(prices.index, moveScaled);
  return {
    index,
    long: sameAddress(state.longToken, state.indexToken) ? index : prices.long,
    short: sameAddress(state.shortToken, state.indexToken) ? index : prices.short,
  };
}

/**
 * The account's portfolio requirement: for each scenario, every position's remaining collateral (the
 * mirror's `positionHealth`, rates accrued at the current prices) at the shocked prices; the loss is
 * the drop of their sum; the requirement is the worst loss or the floor, whichever is larger. The
 * account is liquidatable when its equity is below that.
 *
 * @example
 * const pm = portfolioMargin(context, positions, {
 *   scenarioMarkets: [eth.market, btc.market],
 *   scenarios: correlatedScenarioGrid({ ranges: [0.1, 0.08], correlation: [[1, 0.9], [0.9, 1]] }),
 *   floor: { grossNotionalFactorE30: 5n * 10n ** 27n },
 * });
 * pm.requirementUsd; pm.worstScenario.name;
 */
export function portfolioMargin(
  context: MarginContext,
  positions: readonly PositionState[],
  parameters: PortfolioMarginParameters,
): PortfolioMarginReturnType {
  const extra = parameters.extraCollateralUsd ?? 0n;
  if (extra < 0n) throw new InvalidParameterError("extraCollateralUsd", extra, ">= 0");
  if (parameters.scenarios.length === 0)
    throw new InvalidParameterError("scenarios", 0, "at least one scenario");
  const perPosition = parameters.floor.perPositionUsd ?? 0n;
  const grossFactor = parameters.floor.grossNotionalFactorE30 ?? 0n;
  if (perPosition < 0n) throw new InvalidParameterError("floor.perPositionUsd", perPosition, ">= 0");
  if (grossFactor < 0n) throw new InvalidParameterError("floor.grossNotionalFactorE30", grossFactor, ">= 0");
  const marketIndex = parameters.scenarioMarkets.map((id) => findMarket(context, id));
  const evaluated = evaluatePositions(context, positions);
  const moveIndexOf = evaluated.map(({ market }) => marketIndex.indexOf(market));
  evaluated.forEach(({ position }, index) => {
    if (moveIndexOf[index] === -1) {
      throw new InvalidParameterError(
        `scenarioMarkets (position in ${position.market})`,
        parameters.scenarioMarkets.length,
        "every market the positions trade",
      );
    }
  });

  let equityUsd = extra;
  let grossNotionalUsd = 0n;
  for (const { health, position } of evaluated) {
    equityUsd += health.remainingCollateralUsd;
    grossNotionalUsd += position.sizeUsd;
  }
  const nowValue = equityUsd - extra;

  const losses = parameters.scenarios.map((scenario): PortfolioScenarioLoss => {
    if (scenario.moves.length !== marketIndex.length) {
      throw new InvalidParameterError(
        `scenario "${scenario.name}" moves`,
        scenario.moves.length,
        `${marketIndex.length} (one per scenario market)`,
      );
    }
    const scaled = scenario.moves.map((move, index) => {
      if (!Number.isFinite(move) || move <= -1)
        throw new InvalidParameterError(
          `scenario "${scenario.name}" moves[${index}]`,
          move,
          "a finite number > -1",
        );
      return BigInt(Math.round(move * Number(MOVE_SCALE)));
    });
    const shocked = marketIndex.map((market, index) => shockedPrices(market, scaled[index] ?? 0n));
    let value = 0n;
    evaluated.forEach(({ position, market, rates }, index) => {
      const prices = shocked[moveIndexOf[index] ?? 0] ?? market.prices;
      value += positionHealth(market.state, position, rates, prices).remainingCollateralUsd;
    });
    return { name: scenario.name, moves: scenario.moves, lossUsd: nowValue - value };
  });
  let worst = losses[0] as PortfolioScenarioLoss;
  for (const loss of losses) if (loss.lossUsd > worst.lossUsd) worst = loss;
  const perPositionFloor = perPosition * BigInt(positions.length);
  const notionalFloor = mulDiv(grossNotionalUsd, grossFactor, 10n ** 30n, "Ceil");
  const floorUsd = perPositionFloor > notionalFloor ? perPositionFloor : notionalFloor;
  const worstLossUsd = worst.lossUsd > 0n ? worst.lossUsd : 0n;
  const requirementUsd = worstLossUsd > floorUsd ? worstLossUsd : floorUsd;
  return {
    model: "portfolio",
    requirementUsd,
    worstLossUsd,
    worstScenario: worst,
    floorUsd,
    equityUsd,
    excessUsd: equityUsd - requirementUsd,
    liquidatable: equityUsd < requirementUsd,
    grossNotionalUsd,
    losses,
  };
}
