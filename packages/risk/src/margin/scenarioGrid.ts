/**
 * The price scenarios portfolio margin takes the worst loss over: joint moves of several markets on
 * the ellipse their correlation allows (SPAN's "scan range" per market, with the correlation in
 * place of SPAN's inter-commodity spread credits), plus named stress scenarios, and helpers to size
 * the ranges from realized volatility and to estimate the correlation from price history.
 * Statistics are `number`; the scenarios become bigint prices only when applied.
 * @module
 */
import type { Kline } from "../market-data/kline.js";
import { MisalignedSeriesError } from "../stress/errors.js";
import { InvalidParameterError } from "../volatility/errors.js";
import { closeLogReturns } from "../volatility/logReturns.js";
import { parkinsonVolatility } from "../volatility/parkinsonVolatility.js";
import { validateKlines } from "../volatility/validateKlines.js";

/** A joint price move: `moves[i]` is the relative index-price change of market i (`-0.1` = -10%). */
export interface MarginScenario {
  name: string;
  moves: readonly number[];
}

/** Parameters of {@link correlatedScenarioGrid}. */
export interface CorrelatedScenarioGridParameters {
  /** Scan range per market: the largest move on that market alone, a fraction in (0, 1). */
  ranges: readonly number[];
  /** Correlation of the markets' moves: symmetric, unit diagonal, positive semi-definite. */
  correlation: readonly (readonly number[])[];
  /** Moves per direction, at k / levels of the boundary (k = 1..levels); default 3. */
  levels?: number;
  /** Directions per pair of markets, evenly spaced around the ellipse; default 16 (a multiple of 4 keeps the axes). */
  directions?: number;
  /** Extra named scenarios (e.g. a correlation break or an extreme joint crash), added as given. */
  stress?: readonly MarginScenario[];
}

/** Lower-triangular Cholesky factor of a correlation matrix (semi-definite allowed: zero pivots). */
export function choleskyFactor(correlation: readonly (readonly number[])[]): number[][] {
  const n = correlation.length;
  const at = (i: number, j: number): number => {
    const value = correlation[i]?.[j];
    if (value === undefined || !Number.isFinite(value)) {
      throw new InvalidParameterError(`correlation[${i}][${j}]`, value ?? Number.NaN, "a finite number");
    }
    return value;
  };
  for (let i = 0; i < n; i++) {
    if ((correlation[i]?.length ?? 0) !== n)
      throw new InvalidParameterError(`correlation[${i}].length`, correlation[i]?.length ?? 0, `${n}`);
    if (Math.abs(at(i, i) - 1) > 1e-12)
      throw new InvalidParameterError(`correlation[${i}][${i}]`, at(i, i), "1");
    for (let j = 0; j < i; j++) {
      if (Math.abs(at(i, j) - at(j, i)) > 1e-12)
        throw new InvalidParameterError(
          `correlation[${i}][${j}]`,
          at(i, j),
          `= correlation[${j}][${i}] (${at(j, i)})`,
        );
      if (Math.abs(at(i, j)) > 1)
        throw new InvalidParameterError(`correlation[${i}][${j}]`, at(i, j), "in [-1, 1]");
    }
  }
  const lower: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = at(i, j);
      for (let k = 0; k < j; k++) sum -= (lower[i]?.[k] ?? 0) * (lower[j]?.[k] ?? 0);
      const row = lower[i] ?? [];
      if (i === j) {
        if (sum < -1e-9)
          throw new InvalidParameterError("correlation", sum, "a positive semi-definite matrix");
        row[j] = Math.sqrt(Math.max(0, sum));
      } else {
        const pivot = lower[j]?.[j] ?? 0;
        row[j] = pivot === 0 ? 0 : sum / pivot;
      }
    }
  }
  return lower;
}

/**
 * Joint moves on (and inside) the correlation ellipse `m = D L u`, with `D` the scan ranges, `L` the
 * Cholesky factor of the correlation and `u` unit directions in every plane of two markets, at
 * `levels` fractions of the boundary; then the `stress` scenarios. A market alone moves by up to its
 * range; two markets move far apart only as much as their correlation allows, which is where a
 * hedged book's margin credit comes from.
 *
 * @example
 * correlatedScenarioGrid({ ranges: [0.15, 0.12], correlation: [[1, 0.85], [0.85, 1]] });
 * // [{ name: "unchanged", moves: [0, 0] }, { name: "ellipse 0° 1/3", moves: [0.05, 0.034] }, ...]
 */
export function correlatedScenarioGrid(parameters: CorrelatedScenarioGridParameters): MarginScenario[] {
  const { ranges, correlation } = parameters;
  const levels = parameters.levels ?? 3;
  const directions = parameters.directions ?? 16;
  if (!Number.isInteger(levels) || levels < 1)
    throw new InvalidParameterError("levels", levels, "an integer >= 1");
  if (!Number.isInteger(directions) || directions < 4)
    throw new InvalidParameterError("directions", directions, "an integer >= 4");
  if (ranges.length === 0) throw new InvalidParameterError("ranges", 0, "at least one market");
  ranges.forEach((range, index) => {
    if (!Number.isFinite(range) || range <= 0 || range >= 1)
      throw new InvalidParameterError(`ranges[${index}]`, range, "a fraction in (0, 1)");
  });
  if (correlation.length !== ranges.length) {
    throw new InvalidParameterError(
      "correlation",
      correlation.length,
      `a ${ranges.length} x ${ranges.length} matrix`,
    );
  }
  const lower = choleskyFactor(correlation);
  const n = ranges.length;
  const scenarios: MarginScenario[] = [{ name: "unchanged", moves: new Array<number>(n).fill(0) }];
  const planes: [number, number][] = [];
  if (n === 1) planes.push([0, 0]);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) planes.push([i, j]);
  for (const [i, j] of planes) {
    const steps = n === 1 ? 2 : directions;
    for (let d = 0; d < steps; d++) {
      const angle = (2 * Math.PI * d) / steps;
      const u = new Array<number>(n).fill(0);
      u[i] = Math.cos(angle);
      if (j !== i) u[j] = Math.sin(angle);
      const boundary = ranges.map((range, row) => {
        let sum = 0;
        for (let k = 0; k <= row; k++) sum += (lower[row]?.[k] ?? 0) * (u[k] ?? 0);
        // Round to 1e-12 so that cos(90°) and the like are exact zeros.
        return Math.round(range * sum * 1e12) / 1e12;
      });
      for (let level = 1; level <= levels; level++) {
        const moves = boundary.map((move) => Math.round(((move * level) / levels) * 1e12) / 1e12);
        const degrees = Math.round((angle * 180) / Math.PI);
        scenarios.push({
          name: `${n > 2 ? `plane ${i}-${j} ` : ""}ellipse ${degrees}° ${level}/${levels}`,
          moves,
        });
      }
    }
  }
  for (const stress of parameters.stress ?? []) {
    if (stress.moves.length !== n)
      throw new InvalidParameterError(`stress "${stress.name}" moves`, stress.moves.length, `${n}`);
    stress.moves.forEach((move, index) => {
      if (!Number.isFinite(move) || move <= -1)
        throw new InvalidParameterError(
          `stress "${stress.name}" moves[${index}]`,
          move,
          "a finite number > -1",
        );
    });
    scenarios.push({ name: stress.name, moves: [...stress.moves] });
  }
  return scenarios;
}

/**
 * A scan range from a per-bar volatility: the move `z` standard deviations over `horizonBars` bars
 * (square-root-of-time), taken on the up side where it is larger: `exp(z sigma sqrt(h)) - 1`.
 *
 * @example
 * volatilityScaledRange(0.002, 60, 4); // exp(4 x 0.002 x sqrt(60)) - 1 = 0.0639
 */
export function volatilityScaledRange(perBarVolatility: number, horizonBars: number, z: number): number {
  if (!Number.isFinite(perBarVolatility) || perBarVolatility < 0) {
    throw new InvalidParameterError("perBarVolatility", perBarVolatility, "a finite number >= 0");
  }
  if (!Number.isFinite(horizonBars) || horizonBars <= 0)
    throw new InvalidParameterError("horizonBars", horizonBars, "> 0");
  if (!Number.isFinite(z) || z <= 0) throw new InvalidParameterError("z", z, "> 0");
  return Math.expm1(z * perBarVolatility * Math.sqrt(horizonBars));
}

/** Parameters of {@link estimateScenarioGridInputs}. */
export interface EstimateScenarioGridInputsParameters {
  /** Horizon the margin must cover, in bars (e.g. 60 one-minute bars for an hour). */
  horizonBars: number;
  /** Standard deviations of the scan range; default 4. */
  z?: number;
  /** Smallest scan range (so that a quiet window does not give a tiny margin); default 0.01. */
  minRange?: number;
}

/**
 * Scan ranges from each market's Parkinson volatility (volatility-scaled ranges) and the correlation
 * of close-to-close log returns, from aligned bar series (same open times).
 *
 * @example
 * const { ranges, correlation } = estimateScenarioGridInputs([ethBars, btcBars], { horizonBars: 60 });
 * const scenarios = correlatedScenarioGrid({ ranges, correlation });
 */
export function estimateScenarioGridInputs(
  series: readonly (readonly Kline[])[],
  parameters: EstimateScenarioGridInputsParameters,
): { ranges: number[]; correlation: number[][]; perBarVolatility: number[] } {
  const z = parameters.z ?? 4;
  const minRange = parameters.minRange ?? 0.01;
  if (!Number.isFinite(minRange) || minRange <= 0 || minRange >= 1)
    throw new InvalidParameterError("minRange", minRange, "a fraction in (0, 1)");
  series.forEach((klines, index) => {
    validateKlines(klines, 3, `scenario inputs for market ${index}`);
  });
  const first = series[0] ?? [];
  series.forEach((klines, index) => {
    if (klines.length !== first.length || klines.some((bar, i) => bar.openTimeMs !== first[i]?.openTimeMs)) {
      throw new MisalignedSeriesError(
        `market ${index}`,
        "the series must have the same open times to estimate a correlation",
      );
    }
  });
  const perBarVolatility = series.map((klines) => parkinsonVolatility(klines).perBarVolatility);
  const ranges = perBarVolatility.map((sigma) =>
    Math.min(0.99, Math.max(minRange, volatilityScaledRange(sigma, parameters.horizonBars, z))),
  );
  const returns = series.map((klines) => closeLogReturns(klines));
  const correlation = returns.map((x, i) =>
    returns.map((y, j) => {
      if (i === j) return 1;
      return sampleCorrelation(x, y);
    }),
  );
  return { ranges, correlation, perBarVolatility };
}

/** Pearson correlation of two equal-length samples (0 when either is constant). */
export function sampleCorrelation(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length || x.length < 2)
    throw new InvalidParameterError(
      "samples",
      x.length,
      `two samples of equal length >= 2 (got ${x.length} and ${y.length})`,
    );
  const n = x.length;
  const meanX = x.reduce((sum, value) => sum + value, 0) / n;
  const meanY = y.reduce((sum, value) => sum + value, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] ?? 0) - meanX;
    const dy = (y[i] ?? 0) - meanY;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return 0;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}
