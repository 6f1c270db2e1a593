/**
 * Finds, at each path point, the few positions that could be liquidatable, so that only those get
 * the mirror's full `isLiquidatable` check. It never decides anything itself: it only leaves out
 * positions that provably cannot be liquidatable, so the engine's decisions are exactly the mirror's.
 *
 * Why it is sound: at one point of the path every pool token but the stablecoin moves with the index
 * price `p`, so a position's remaining collateral is `a p + c - F` with constants `a` (index tokens
 * of exposure: size in tokens, signed, plus index-token collateral) and `c` (stablecoin collateral
 * and size), and `F` its borrowing, funding, close fee and negative close impact. Each of those is
 * at most `size x u / 1e30 + 2` for a per-market factor `u` computed once per point (the rate indices
 * since the oldest snapshot, the larger fee factor, the impact of the current skew or its cap), and
 * the maintenance margin is at most `size x mm / 1e30 + 1 + minCollateralUsd`. So a liquidatable
 * position has `a p + c < size x U / 1e30 + k` with `U = mm + u` and a small constant `k`. Positions
 * are kept sorted by the price where that bound is crossed (for a reference `U` at least the current
 * one), and a point only walks the positions whose bound is crossed.
 * @module
 */
import { ONE } from "../mirror/libraries/FixedPoint.js";
import type { MarketState, PositionState, RateState } from "../mirror/types.js";
import { sameAddress } from "../mirror/types.js";

/** A live position of the replay, with its screening coefficients. */
export interface ScreenedPosition {
  id: number;
  marketIndex: number;
  state: PositionState;
  /** USD per unit of index price (signed index-token exposure, incl. index-token collateral). */
  a: bigint;
  /** USD independent of the index price: stablecoin collateral +/- size. */
  c: bigint;
  status: "open" | "pending" | "closed";
  /** Bumped whenever `state` changes (partial liquidation): older screen entries are then stale. */
  version: number;
}

interface Entry {
  position: ScreenedPosition;
  version: number;
  key: bigint;
}

/** Fills `a` and `c` of a position from its state: the price-linear form of its remaining collateral. */
export function screeningCoefficients(
  m: MarketState,
  state: PositionState,
  stablePriceE30: bigint,
): { a: bigint; c: bigint } {
  const collateralIsIndex = sameAddress(state.collateralToken, m.longToken);
  const indexCollateral = collateralIsIndex ? state.collateralAmount : 0n;
  const stableCollateralUsd = collateralIsIndex ? 0n : state.collateralAmount * stablePriceE30;
  return state.isLong
    ? { a: state.sizeInTokens + indexCollateral, c: stableCollateralUsd - state.sizeUsd }
    : { a: indexCollateral - state.sizeInTokens, c: stableCollateralUsd + state.sizeUsd };
}

/** Headroom added to the reference bound factor when the screen is rebuilt (25 bps). */
const HEADROOM_E30 = 25n * 10n ** 26n;
/** Rounding slack of the bound, in 1e-30 USD (each rounded term adds at most 2). */
const ROUNDING_SLACK = 32n;

/** The screen of one market. */
export class LiquidationScreen {
  /** Positions hurt by a falling price (a > 0), by bound-crossing price, highest first. */
  private down: Entry[] = [];
  /** Positions hurt by a rising price (a < 0), by bound-crossing price, lowest first. */
  private up: Entry[] = [];
  /** Checked at every point: a == 0, and positions changed since the last rebuild. */
  private always: Entry[] = [];
  private referenceE30 = -1n;
  private readonly slackUsd: bigint;
  private positions: ScreenedPosition[];
  /** Oldest borrowing / funding snapshots per side (long, short): the bound's rate terms start there. */
  private minBorrowingSnapshot: [bigint, bigint];
  private minFundingSnapshot: [bigint, bigint];
  private readonly maxSizeUsd: bigint;
  /** Number of rebuilds, for benchmarks. */
  rebuilds = 0;

  constructor(m: MarketState, positions: readonly ScreenedPosition[]) {
    this.positions = [...positions];
    this.slackUsd = m.config.risk.minCollateralUsd + ROUNDING_SLACK;
    let maxSize = 0n;
    const borrowing: [bigint | undefined, bigint | undefined] = [undefined, undefined];
    const funding: [bigint | undefined, bigint | undefined] = [undefined, undefined];
    for (const position of positions) {
      const side = position.state.isLong ? 0 : 1;
      if (position.state.sizeUsd > maxSize) maxSize = position.state.sizeUsd;
      const b = borrowing[side];
      if (b === undefined || position.state.borrowingFactorSnapshot < b)
        borrowing[side] = position.state.borrowingFactorSnapshot;
      const f = funding[side];
      if (f === undefined || position.state.fundingPerSizeSnapshot < f)
        funding[side] = position.state.fundingPerSizeSnapshot;
    }
    this.maxSizeUsd = maxSize;
    this.minBorrowingSnapshot = [borrowing[0] ?? 0n, borrowing[1] ?? 0n];
    this.minFundingSnapshot = [funding[0] ?? 0n, funding[1] ?? 0n];
  }

  /**
   * The bound factor `U` (1e30 = 100%) at a point: maintenance factor + the largest rate growth of
   * either side since its oldest snapshot + the larger position fee factor + the close-impact bound.
   */
  boundFactorE30(m: MarketState, rates: RateState): bigint {
    const borrowingLong = rates.cumulativeBorrowingFactorLong - this.minBorrowingSnapshot[0];
    const borrowingShort = rates.cumulativeBorrowingFactorShort - this.minBorrowingSnapshot[1];
    const fundingLong = rates.cumulativeFundingPerSizeLong - this.minFundingSnapshot[0];
    const fundingShort = rates.cumulativeFundingPerSizeShort - this.minFundingSnapshot[1];
    // bigint: no Math.max / Math.min.
    let rateGrowth = borrowingLong + fundingLong;
    if (borrowingShort + fundingShort > rateGrowth) rateGrowth = borrowingShort + fundingShort;
    const fees = m.config.fees;
    let feeFactor = fees.positionFeeFactorNegativeImpact;
    if (fees.positionFeeFactorPositiveImpact > feeFactor) feeFactor = fees.positionFeeFactorPositiveImpact;
    const oi = m.openInterest;
    const skew = oi.longUsd > oi.shortUsd ? oi.longUsd - oi.shortUsd : oi.shortUsd - oi.longUsd;
    // Closing x of a side costs at most x (2 skew + x) x factor (or the cap): per unit of size below.
    const skewImpact = ((2n * skew + this.maxSizeUsd) * m.config.impact.negativeImpactFactor) / ONE + 1n;
    let impact = m.config.impact.maxNegativeImpactFactor;
    if (skewImpact < impact) impact = skewImpact;
    return m.maintenanceMarginFactor + rateGrowth + feeFactor + impact;
  }

  /** The cheap necessary condition: `a p + c < size x U / 1e30 + k`. */
  mayBeLiquidatable(position: ScreenedPosition, priceE30: bigint, boundE30: bigint): boolean {
    return position.a * priceE30 + position.c < (position.state.sizeUsd * boundE30) / ONE + this.slackUsd;
  }

  private keyOf(position: ScreenedPosition, boundE30: bigint): bigint {
    const rhs = (position.state.sizeUsd * boundE30) / ONE + this.slackUsd - position.c;
    // a > 0: candidate iff p < rhs / a; a < 0: candidate iff p > -rhs / |a| (conservative by one unit).
    return position.a > 0n ? rhs / position.a + 1n : -rhs / -position.a - 1n;
  }

  private rebuild(boundE30: bigint): void {
    this.rebuilds++;
    this.referenceE30 = boundE30 + HEADROOM_E30;
    this.positions = this.positions.filter((position) => position.status !== "closed");
    const down: Entry[] = [];
    const up: Entry[] = [];
    const always: Entry[] = [];
    for (const position of this.positions) {
      const entry: Entry = { position, version: position.version, key: 0n };
      if (position.a === 0n) always.push(entry);
      else {
        entry.key = this.keyOf(position, this.referenceE30);
        (position.a > 0n ? down : up).push(entry);
      }
    }
    const byId = (x: Entry, y: Entry): number => x.position.id - y.position.id;
    down.sort((x, y) => (x.key > y.key ? -1 : x.key < y.key ? 1 : byId(x, y)));
    up.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : byId(x, y)));
    this.down = down;
    this.up = up;
    this.always = always;
  }

  /** Records that a position's state changed (partial liquidation): re-screened at every point until the next rebuild. */
  changed(position: ScreenedPosition): void {
    const side = position.state.isLong ? 0 : 1;
    if (position.state.borrowingFactorSnapshot < this.minBorrowingSnapshot[side]) {
      this.minBorrowingSnapshot[side] = position.state.borrowingFactorSnapshot;
    }
    if (position.state.fundingPerSizeSnapshot < this.minFundingSnapshot[side]) {
      this.minFundingSnapshot[side] = position.state.fundingPerSizeSnapshot;
    }
    this.always.push({ position, version: position.version, key: 0n });
  }

  /**
   * The open positions that pass the cheap bound at `priceE30`, in a deterministic order (the
   * screen's order). Every liquidatable open position is among them.
   */
  candidates(priceE30: bigint, boundE30: bigint): ScreenedPosition[] {
    if (
      boundE30 > this.referenceE30 ||
      boundE30 + 2n * HEADROOM_E30 < this.referenceE30 ||
      this.always.length > 256
    ) {
      this.rebuild(boundE30);
    }
    const result: ScreenedPosition[] = [];
    const seen = new Set<number>();
    const consider = (entry: Entry): void => {
      const position = entry.position;
      if (entry.version !== position.version || position.status !== "open" || seen.has(position.id)) return;
      if (this.mayBeLiquidatable(position, priceE30, boundE30)) {
        seen.add(position.id);
        result.push(position);
      }
    };
    let dead = 0;
    for (const entry of this.down) {
      if (entry.key <= priceE30) break;
      if (entry.position.status === "closed" || entry.version !== entry.position.version) dead++;
      consider(entry);
    }
    for (const entry of this.up) {
      if (entry.key >= priceE30) break;
      if (entry.position.status === "closed" || entry.version !== entry.position.version) dead++;
      consider(entry);
    }
    for (const entry of this.always) consider(entry);
    // Closed entries left at the front of a list cost a walk at every point: drop them now and then.
    if (dead > 512) this.rebuild(boundE30);
    return result;
  }
}
