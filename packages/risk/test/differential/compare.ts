import { show } from "./outcome.js";

/** JSON text with bigints marked and object keys sorted, for order-independent deep equality. */
export function canonical(value: unknown): string {
  return show(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

/** Counts of the state-based comparisons, printed at the end of the run. */
export const stateStats = {
  books: 0,
  comparisons: 0,
  mismatches: 0,
  executions: 0,
  cancelled: 0,
  liquidations: 0,
  partialLiquidations: 0,
  shortfalls: 0,
  /** Cancellation reasons seen (and predicted). */
  reasons: {} as Record<string, number>,
};

/**
 * Compares what the mirror predicted with what the chain did; throws with both (and the context
 * needed to reproduce) on the first difference.
 */
export function expectSame(what: string, mirror: unknown, chain: unknown, context: () => unknown): void {
  stateStats.comparisons += 1;
  const a = canonical(mirror);
  const b = canonical(chain);
  if (a !== b) {
    stateStats.mismatches += 1;
    throw new Error(`${what} differs\n  chain:  ${b}\n  mirror: ${a}\n  context: ${canonical(context())}`);
  }
}
