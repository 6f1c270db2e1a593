import { LP_CATEGORIES } from "../accounting/categories.js";
import { ReconciliationError } from "../errors.js";
import type { Attribution } from "./attribution.js";

/**
 * Checks that an attribution adds up: `startValue + flows + sum(categories) = endValue` to the
 * unit, and that an LP's `rounding` stays within what the pro-rata split can produce (the pool has
 * none). Returns the attribution; throws with every number otherwise.
 *
 * @throws {ReconciliationError}
 */
export function reconcileAttribution(attribution: Attribution): Attribution {
  let sum = 0n;
  for (const name of LP_CATEGORIES) sum += attribution.categories[name];
  const who =
    attribution.account === null
      ? `pool ${attribution.market}`
      : `LP ${attribution.account} in ${attribution.market}`;
  const range = `steps ${attribution.from.stepIndex}..${attribution.to.stepIndex} (blocks ${attribution.from.blockNumber}..${attribution.to.blockNumber})`;
  if (attribution.startValueUsd + attribution.flowsUsd + sum !== attribution.endValueUsd) {
    throw new ReconciliationError(`attribution of ${who} over ${range} does not add up`, {
      startValueUsd: attribution.startValueUsd,
      flowsUsd: attribution.flowsUsd,
      sumOfCategoriesUsd: sum,
      expectedEndValueUsd: attribution.startValueUsd + attribution.flowsUsd + sum,
      endValueUsd: attribution.endValueUsd,
      differenceUsd: attribution.endValueUsd - (attribution.startValueUsd + attribution.flowsUsd + sum),
      ...attribution.categories,
    });
  }
  const rounding = attribution.categories.rounding;
  const magnitude = rounding < 0n ? -rounding : rounding;
  if (magnitude > attribution.roundingBoundUsd) {
    throw new ReconciliationError(`attribution of ${who} over ${range}: rounding beyond its bound`, {
      roundingUsd: rounding,
      roundingBoundUsd: attribution.roundingBoundUsd,
      ...attribution.categories,
    });
  }
  return attribution;
}
