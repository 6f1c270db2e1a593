/**
 * The crash-replay engine: walks a price path point by point against a book of isolated positions,
 * finds liquidatable positions with the mirror's `isLiquidatable`, executes their liquidation
 * `latency + delay` later at the path price pushed against them by the slippage (the mirror's
 * `previewLiquidation`: partial slices, fees, settlement, the loss waterfall), and records every
 * liquidation, shortfall and the timeline. Deterministic: no clock, no randomness.
 * @module
 */
import { isMirrorRevert } from "../mirror/errors.js";
import { ONE } from "../mirror/libraries/FixedPoint.js";
import { isLiquidatable, previewLiquidation } from "../mirror/logic/LiquidationLogic.js";
import { accruedRates, poolValueUsd } from "../mirror/logic/MarketLogic.js";
import { type MarketPrices, type MarketState, type PriceRange, sameAddress } from "../mirror/types.js";
import { InvalidParameterError } from "../volatility/errors.js";
import { LiquidationScreen, type ScreenedPosition, screeningCoefficients } from "./liquidationScreen.js";
import type { MaintenanceMarginPlan } from "./marginPlan.js";
import { marketPricesAt, stablePriceRange } from "./markets.js";
import type { OpenedPosition } from "./openBook.js";
import { POINTS_PER_BAR, type PricePath, priceAtTime } from "./pricePath.js";
import type {
  StressFailedLiquidation,
  StressLiquidationEvent,
  StressMarketReport,
  StressReport,
  StressStep,
  StressTimelinePoint,
  StressTotals,
} from "./types.js";
import { priceE30ToNumber } from "./units.js";

/** Parameters of {@link createStressEngine}. */
export interface StressEngineParameters {
  path: PricePath;
  /** Market states (path order) after the book was opened: `openSyntheticBook(...).markets`. */
  markets: readonly MarketState[];
  /** The open positions: `openSyntheticBook(...).positions`. */
  positions: readonly OpenedPosition[];
  /** Maintenance margin factor per market and bar: `maintenanceMarginPlan(...)`. */
  marginPlan: MaintenanceMarginPlan;
  /** Age of the price the liquidation transaction carries, seconds (>= 0). */
  latencySeconds: number;
  /** Time from detection to execution besides latency (keeper reaction, inclusion), seconds (>= 0). */
  delaySeconds: number;
  /**
   * Adverse move of the execution price, basis points (>= 0, < 10,000): a liquidation executes with
   * the index range `[p (1 - s), p (1 + s)]`, so longs close at the lower and shorts at the higher
   * bound, and index-token collateral is valued at the lower one, as the contracts use a Pyth range.
   */
  slippageBps: number;
}

interface PendingLiquidation {
  position: ScreenedPosition;
  detectedAtMs: number;
  detectedPrice: number;
  executeAtMs: number;
}

const emptyTotals = (): StressTotals => ({
  liquidations: 0,
  liquidatedPositions: 0,
  partialLiquidations: 0,
  liquidatedNotionalUsd: 0n,
  shortfallCount: 0,
  shortfallUsd: 0n,
  coveredByInsuranceUsd: 0n,
  absorbedByLpUsd: 0n,
  recovered: 0,
  failed: 0,
});

/** A crash replay in progress: call {@link StressEngine.step} until {@link StressEngine.done}, or {@link StressEngine.run}. */
export class StressEngine {
  readonly path: PricePath;
  readonly stepCount: number;
  private nextStep = 0;
  private readonly states: MarketState[];
  private readonly positions: ScreenedPosition[];
  private readonly screens: LiquidationScreen[];
  private readonly plan: MaintenanceMarginPlan;
  private readonly horizonMs: number;
  private readonly slippageE30: bigint;
  private readonly queue: PendingLiquidation[] = [];
  private queueHead = 0;
  private readonly events: StressLiquidationEvent[] = [];
  private readonly failures: StressFailedLiquidation[] = [];
  private readonly timeline: StressTimelinePoint[] = [];
  private readonly totals: StressTotals = emptyTotals();
  private readonly marketTotals: StressTotals[];
  private readonly start: { insuranceUsd: bigint[]; poolValueUsd: bigint[]; openInterestUsd: bigint[] };
  private readonly startBalances: { longAmount: bigint; shortAmount: bigint }[];
  private readonly positionsPerMarket: number[];
  private exactChecks = 0;

  constructor(parameters: StressEngineParameters) {
    const { path, markets, positions, marginPlan } = parameters;
    for (const [name, value] of [
      ["latencySeconds", parameters.latencySeconds],
      ["delaySeconds", parameters.delaySeconds],
    ] as const) {
      if (!Number.isFinite(value) || value < 0)
        throw new InvalidParameterError(name, value, "a finite number >= 0");
    }
    if (
      !Number.isFinite(parameters.slippageBps) ||
      parameters.slippageBps < 0 ||
      parameters.slippageBps >= 10_000
    ) {
      throw new InvalidParameterError("slippageBps", parameters.slippageBps, "a number in [0, 10000)");
    }
    if (markets.length !== path.markets.length) {
      throw new InvalidParameterError(
        "markets",
        markets.length,
        `one state per path market (${path.markets.length})`,
      );
    }
    const bars = path.klines[0]?.length ?? 0;
    if (
      marginPlan.factorsE30.length !== markets.length ||
      marginPlan.factorsE30.some((series) => series.length !== bars)
    ) {
      throw new InvalidParameterError(
        "marginPlan",
        marginPlan.factorsE30.length,
        `one factor per market and bar (${bars} bars)`,
      );
    }
    this.path = path;
    this.stepCount = path.timesMs.length;
    this.states = [...markets];
    this.plan = marginPlan;
    this.horizonMs = (parameters.latencySeconds + parameters.delaySeconds) * 1000;
    // Basis points with up to 4 decimals, as an exact factor.
    this.slippageE30 = (BigInt(Math.round(parameters.slippageBps * 10_000)) * ONE) / 100_000_000n;
    this.positions = positions.map((opened) => {
      const m = this.states[opened.marketIndex];
      const spec = path.markets[opened.marketIndex];
      if (m === undefined || spec === undefined) {
        throw new InvalidParameterError(
          `positions[${opened.order.id}].marketIndex`,
          opened.marketIndex,
          `< ${markets.length}`,
        );
      }
      const { a, c } = screeningCoefficients(m, opened.state, stablePriceRange(spec).min);
      return {
        id: opened.order.id,
        marketIndex: opened.marketIndex,
        state: opened.state,
        a,
        c,
        status: "open",
        version: 0,
      };
    });
    this.screens = this.states.map(
      (m, index) =>
        new LiquidationScreen(
          m,
          this.positions.filter((position) => position.marketIndex === index),
        ),
    );
    this.marketTotals = this.states.map(() => emptyTotals());
    this.positionsPerMarket = this.states.map(
      (_, index) => this.positions.filter((p) => p.marketIndex === index).length,
    );
    this.startBalances = this.states.map((m) => ({
      longAmount: m.balances.longAmount,
      shortAmount: m.balances.shortAmount,
    }));
    const startValues = this.marketValues(0);
    this.start = {
      insuranceUsd: startValues.insuranceUsd,
      poolValueUsd: startValues.poolValueUsd,
      openInterestUsd: this.states.map((m) => m.openInterest.longUsd + m.openInterest.shortUsd),
    };
  }

  /**
   * Work counters, for benchmarks: full `isLiquidatable` checks made (positions that passed the
   * screen's cheap bound) and screen rebuilds.
   */
  stats(): { exactChecks: number; screenRebuilds: number } {
    return {
      exactChecks: this.exactChecks,
      screenRebuilds: this.screens.reduce((sum, screen) => sum + screen.rebuilds, 0),
    };
  }

  /** Whether every path point has been replayed. */
  get done(): boolean {
    return this.nextStep >= this.stepCount;
  }

  /** Index of the next step to replay. */
  get stepIndex(): number {
    return this.nextStep;
  }

  /** The current market states (path order). Do not mutate. */
  marketStates(): readonly MarketState[] {
    return this.states;
  }

  /** Positions not yet closed, with their current state and whether a liquidation is pending. */
  livePositions(): readonly {
    id: number;
    marketIndex: number;
    state: ScreenedPosition["state"];
    pending: boolean;
  }[] {
    return this.positions
      .filter((position) => position.status !== "closed")
      .map((position) => ({
        id: position.id,
        marketIndex: position.marketIndex,
        state: position.state,
        pending: position.status === "pending",
      }));
  }

  /** The prices the contracts see at path point `step` for market `marketIndex` (no spread). */
  pricesAt(step: number, marketIndex: number): MarketPrices {
    const spec = this.path.markets[marketIndex];
    const price = this.path.pricesE30[marketIndex]?.[step];
    if (spec === undefined || price === undefined)
      throw new InvalidParameterError("step", step, `< ${this.stepCount}`);
    return marketPricesAt(spec, { min: price, max: price });
  }

  /** Block timestamp (Unix seconds) of a time in ms. */
  static timestampOf(timeMs: number): bigint {
    return BigInt(Math.floor(timeMs / 1000));
  }

  /**
   * Replays the next path point: executes the liquidations that came due (in detection order), sets
   * the bar's maintenance factor, finds the liquidatable positions (screen + the mirror's
   * `isLiquidatable` at this point's prices and block time), queues them, and with zero latency and
   * delay executes them at once. Throws when the path is done.
   */
  step(): StressStep {
    if (this.done)
      throw new InvalidParameterError("step", this.nextStep, `< ${this.stepCount}: the replay is done`);
    const step = this.nextStep++;
    const timeMs = this.path.timesMs[step] ?? 0;
    const bar = Math.floor(step / POINTS_PER_BAR);
    const liquidations: StressLiquidationEvent[] = [];
    const failed: StressFailedLiquidation[] = [];
    this.executeDue(timeMs, step, liquidations, failed);

    this.states.forEach((m, index) => {
      const factor = this.plan.factorsE30[index]?.[bar];
      if (factor !== undefined && factor !== m.maintenanceMarginFactor) {
        // setMaintenanceMarginFactor writes the factor and its time; it does not accrue.
        this.states[index] = {
          ...m,
          maintenanceMarginFactor: factor,
          maintenanceMarginUpdatedAt: StressEngine.timestampOf(timeMs),
        };
      }
    });

    const timestamp = StressEngine.timestampOf(timeMs);
    const detected: number[] = [];
    const newlyPending: PendingLiquidation[] = [];
    this.states.forEach((m, marketIndex) => {
      const prices = this.pricesAt(step, marketIndex);
      const price = prices.index.min;
      const rates = accruedRates(m, prices, timestamp);
      const screen = this.screens[marketIndex];
      if (screen === undefined) return;
      const bound = screen.boundFactorE30(m, rates);
      for (const position of screen.candidates(price, bound)) {
        this.exactChecks++;
        if (!isLiquidatable(m, position.state, rates, prices)) continue;
        detected.push(position.id);
        position.status = "pending";
        newlyPending.push({
          position,
          detectedAtMs: timeMs,
          detectedPrice: this.path.prices[marketIndex]?.[step] ?? 0,
          executeAtMs: timeMs + this.horizonMs,
        });
      }
    });
    if (this.horizonMs === 0) {
      for (const pending of newlyPending) this.execute(pending, step, liquidations, failed);
    } else {
      this.queue.push(...newlyPending);
    }
    if (this.done) this.flush(liquidations, failed);

    const values = this.marketValues(step);
    const point: StressTimelinePoint = {
      step,
      timeMs,
      prices: this.path.prices.map((series) => series[step] ?? 0),
      maintenanceMarginFactorsE30: this.states.map((m) => m.maintenanceMarginFactor),
      detected: detected.length,
      liquidations: liquidations.length,
      reverted: failed.length,
      liquidatedNotionalUsd: liquidations.reduce((sum, event) => sum + event.sizeDeltaUsd, 0n),
      cumulativeShortfallUsd: this.totals.shortfallUsd,
      cumulativeCoveredByInsuranceUsd: this.totals.coveredByInsuranceUsd,
      cumulativeAbsorbedByLpUsd: this.totals.absorbedByLpUsd,
      insuranceFundUsd: values.insuranceUsd,
      poolValueUsd: values.poolValueUsd,
      openInterestUsd: this.states.map((m) => m.openInterest.longUsd + m.openInterest.shortUsd),
    };
    this.timeline.push(point);
    return { step, timeMs, bar, detected, liquidations, failed, timeline: point };
  }

  /** Replays every remaining point and returns the report. */
  run(): StressReport {
    while (!this.done) this.step();
    return this.report();
  }

  /** The report of the replay so far (complete once {@link done}). */
  report(): StressReport {
    const last = Math.max(0, Math.min(this.nextStep, this.stepCount) - 1);
    const end = this.marketValues(last);
    const markets: StressMarketReport[] = this.states.map((m, index) => {
      const spec = this.path.markets[index];
      const prices = this.path.prices[index] ?? [];
      const factors = this.plan.factorsE30[index] ?? [];
      const priceEnd = this.path.pricesE30[index]?.[last] ?? 0n;
      const stable = spec === undefined ? 0n : stablePriceRange(spec).min;
      const start = this.startBalances[index] ?? { longAmount: 0n, shortAmount: 0n };
      const holdValueEndUsd = start.longAmount * priceEnd + start.shortAmount * stable;
      const poolValueStartUsd = this.start.poolValueUsd[index] ?? 0n;
      const poolValueEndUsd = end.poolValueUsd[index] ?? 0n;
      const ratio = (x: bigint, y: bigint): number =>
        y === 0n ? 0 : Number(((x - y) * 1_000_000_000n) / y) / 1e9;
      let minFactor = factors[0] ?? m.maintenanceMarginFactor;
      let maxFactor = minFactor;
      for (const factor of factors) {
        if (factor < minFactor) minFactor = factor;
        if (factor > maxFactor) maxFactor = factor;
      }
      const visited = prices.slice(0, last + 1);
      return {
        symbol: spec?.symbol ?? String(index),
        positions: this.positionsPerMarket[index] ?? 0,
        openInterestUsd: this.start.openInterestUsd[index] ?? 0n,
        totals: { ...(this.marketTotals[index] ?? emptyTotals()) },
        insuranceFundStartUsd: this.start.insuranceUsd[index] ?? 0n,
        insuranceFundEndUsd: end.insuranceUsd[index] ?? 0n,
        poolValueStartUsd,
        poolValueEndUsd,
        lpReturn: ratio(poolValueEndUsd, poolValueStartUsd),
        holdValueEndUsd,
        lpReturnVsHold: ratio(poolValueEndUsd, holdValueEndUsd),
        minMaintenanceMarginFactorE30: minFactor,
        maxMaintenanceMarginFactorE30: maxFactor,
        maintenanceMarginUpdates: this.plan.updates[index] ?? 0,
        startPrice: prices[0] ?? 0,
        lowPrice: Math.min(...visited),
        highPrice: Math.max(...visited),
        endPrice: visited.at(-1) ?? 0,
      };
    });
    return {
      startMs: this.path.timesMs[0] ?? 0,
      endMs: this.path.timesMs[last] ?? 0,
      bars: this.path.klines[0]?.length ?? 0,
      steps: this.nextStep,
      markets,
      totals: { ...this.totals },
      events: [...this.events],
      failures: [...this.failures],
      timeline: [...this.timeline],
    };
  }

  /** Insurance fund and LP pool value per market at a step's prices. */
  private marketValues(step: number): { insuranceUsd: bigint[]; poolValueUsd: bigint[] } {
    const insuranceUsd: bigint[] = [];
    const poolValues: bigint[] = [];
    const timestamp = StressEngine.timestampOf(this.path.timesMs[step] ?? 0);
    this.states.forEach((m, index) => {
      const prices = this.pricesAt(step, index);
      const rates = accruedRates(m, prices, timestamp);
      insuranceUsd.push(
        m.balances.insuranceLongAmount * prices.long.min + m.balances.insuranceShortAmount * prices.short.min,
      );
      poolValues.push(poolValueUsd(m, rates, prices, false, true));
    });
    return { insuranceUsd, poolValueUsd: poolValues };
  }

  private executeDue(
    timeMs: number,
    step: number,
    liquidations: StressLiquidationEvent[],
    failed: StressFailedLiquidation[],
  ): void {
    while (this.queueHead < this.queue.length) {
      const pending = this.queue[this.queueHead];
      if (pending === undefined || pending.executeAtMs > timeMs) break;
      this.queueHead++;
      this.execute(pending, Math.max(0, step - 1), liquidations, failed);
    }
    if (this.queueHead > 4096 && this.queueHead * 2 > this.queue.length) {
      this.queue.splice(0, this.queueHead);
      this.queueHead = 0;
    }
  }

  /** Executes what is still queued after the last point, at the last price (the path holds its close). */
  private flush(liquidations: StressLiquidationEvent[], failed: StressFailedLiquidation[]): void {
    this.executeDue(Number.POSITIVE_INFINITY, this.stepCount - 1, liquidations, failed);
  }

  private execute(
    pending: PendingLiquidation,
    hintStep: number,
    liquidations: StressLiquidationEvent[],
    failed: StressFailedLiquidation[],
  ): void {
    const position = pending.position;
    const marketIndex = position.marketIndex;
    const spec = this.path.markets[marketIndex];
    const m = this.states[marketIndex];
    if (spec === undefined || m === undefined) return;
    const price = priceAtTime(this.path, marketIndex, pending.executeAtMs, hintStep);
    const range: PriceRange = {
      min: (price * (ONE - this.slippageE30)) / ONE,
      max: (price * (ONE + this.slippageE30) + ONE - 1n) / ONE,
    };
    const prices = marketPricesAt(spec, range);
    // Past the end of the path the block time still moves on; the price holds the last close.
    const timestamp = StressEngine.timestampOf(pending.executeAtMs);
    try {
      const preview = previewLiquidation(m, position.state, prices, timestamp);
      this.states[marketIndex] = preview.decrease.market;
      const shortfall = preview.decrease.shortfall;
      const event: StressLiquidationEvent = {
        positionId: position.id,
        marketIndex,
        marketSymbol: spec.symbol,
        isLong: position.state.isLong,
        collateralIsIndexToken: sameAddress(position.state.collateralToken, m.longToken),
        detectedAtMs: pending.detectedAtMs,
        detectedPrice: pending.detectedPrice,
        executedAtMs: pending.executeAtMs,
        executionPriceE30: preview.decrease.indexPrice,
        executionPrice: priceE30ToNumber(preview.decrease.indexPrice, spec.indexToken.decimals),
        sizeDeltaUsd: preview.sizeDeltaUsd,
        isPartial: preview.isPartial,
        remainingCollateralUsd: preview.health.remainingCollateralUsd,
        maintenanceMarginUsd: preview.maintenanceMarginUsd,
        shortfallUsd: shortfall?.shortfallUsd ?? 0n,
        coveredByInsuranceUsd: shortfall?.coveredByInsuranceUsd ?? 0n,
        absorbedByLpUsd: shortfall?.absorbedByLpUsd ?? 0n,
        liquidationFeeAmount: preview.decrease.liquidationFeeAmount,
      };
      this.events.push(event);
      liquidations.push(event);
      for (const totals of [this.totals, this.marketTotals[marketIndex]]) {
        if (totals === undefined) continue;
        totals.liquidations++;
        if (event.isPartial) totals.partialLiquidations++;
        else totals.liquidatedPositions++;
        totals.liquidatedNotionalUsd += event.sizeDeltaUsd;
        if (shortfall !== undefined) {
          totals.shortfallCount++;
          totals.shortfallUsd += shortfall.shortfallUsd;
          totals.coveredByInsuranceUsd += shortfall.coveredByInsuranceUsd;
          totals.absorbedByLpUsd += shortfall.absorbedByLpUsd;
        }
      }
      const after = preview.position;
      if (after === undefined) {
        position.status = "closed";
      } else {
        position.state = after;
        position.version++;
        const { a, c } = screeningCoefficients(preview.decrease.market, after, stablePriceRange(spec).min);
        position.a = a;
        position.c = c;
        position.status = "open";
        this.screens[marketIndex]?.changed(position);
      }
    } catch (error) {
      if (!isMirrorRevert(error)) throw error;
      position.status = "open";
      const recovered = error.errorName === "PositionNotLiquidatable";
      const failure: StressFailedLiquidation = {
        positionId: position.id,
        marketIndex,
        executedAtMs: pending.executeAtMs,
        errorName: error.errorName,
        message: error.message,
      };
      this.failures.push(failure);
      failed.push(failure);
      for (const totals of [this.totals, this.marketTotals[marketIndex]]) {
        if (totals === undefined) continue;
        if (recovered) totals.recovered++;
        else totals.failed++;
      }
    }
  }
}

/**
 * Creates a replay of `positions` on `path`. Use {@link StressEngine.step} to walk it point by point
 * (the on-chain replay does the same on the local exchange and compares `detected`), or
 * {@link StressEngine.run} for the report.
 *
 * @example
 * const engine = createStressEngine({ path, markets: book.markets, positions: book.positions,
 *   marginPlan, latencySeconds: 2, delaySeconds: 10, slippageBps: 10 });
 * const report = engine.run();
 * report.totals.absorbedByLpUsd; // LP bad debt, USD with 30 decimals
 */
export function createStressEngine(parameters: StressEngineParameters): StressEngine {
  return new StressEngine(parameters);
}
