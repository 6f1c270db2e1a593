/** The path point at which each position was first liquidated, by position id. */
export type FirstLiquidations = ReadonlyMap<number, number>;

/** Where the chain and the stress engine disagree on who got liquidated. */
export interface LiquidationComparison {
  /** True when both liquidated exactly the same positions, each first at the same path point. */
  agree: boolean;
  /** Ids liquidated on both sides. */
  both: number[];
  /** Ids liquidated on chain only. */
  onlyOnChain: number[];
  /** Ids liquidated by the engine only. */
  onlyInEngine: number[];
  /** Ids liquidated on both sides but first at different path points. */
  differentStep: { id: number; chainStep: number; engineStep: number }[];
}

/**
 * Compares who got liquidated, and when first, on chain and in the stress engine.
 *
 * @example
 * compareLiquidations(new Map([[3, 10]]), new Map([[3, 10]])).agree; // true
 */
export function compareLiquidations(
  chain: FirstLiquidations,
  engine: FirstLiquidations,
): LiquidationComparison {
  const both: number[] = [];
  const onlyOnChain: number[] = [];
  const differentStep: LiquidationComparison["differentStep"] = [];
  for (const [id, chainStep] of chain) {
    const engineStep = engine.get(id);
    if (engineStep === undefined) onlyOnChain.push(id);
    else {
      both.push(id);
      if (engineStep !== chainStep) differentStep.push({ id, chainStep, engineStep });
    }
  }
  const onlyInEngine = [...engine.keys()].filter((id) => !chain.has(id));
  const sort = (ids: number[]) => ids.sort((a, b) => a - b);
  return {
    agree: onlyOnChain.length === 0 && onlyInEngine.length === 0 && differentStep.length === 0,
    both: sort(both),
    onlyOnChain: sort(onlyOnChain),
    onlyInEngine: sort(onlyInEngine),
    differentStep: differentStep.sort((a, b) => a.id - b.id),
  };
}
