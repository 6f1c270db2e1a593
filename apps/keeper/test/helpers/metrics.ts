import type { KeeperMetrics } from "../../src/observability/metrics.js";

/** The sum of a metric's values whose labels include `labels` (0 when none). */
export async function metricSum(
  metrics: KeeperMetrics,
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  const metric = metrics.registry.getSingleMetric(`bastion_keeper_${name}`);
  if (metric === undefined) throw new Error(`no metric ${name}`);
  const { values } = await metric.get();
  return values
    .filter((value) => Object.entries(labels).every(([k, v]) => String(value.labels[k]) === v))
    .filter((value) => !("metricName" in value) || !String(value.metricName).endsWith("_bucket"))
    .reduce((sum, value) => sum + value.value, 0);
}

/**
 * Waits until a metric's sum satisfies `accept` (the keeper counts an outcome when its receipt
 * arrives, a moment after the chain shows it), then returns the sum.
 */
export async function metricEventually(
  metrics: KeeperMetrics,
  name: string,
  labels: Record<string, string>,
  accept: (value: number) => boolean,
  timeoutMs = 30_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await metricSum(metrics, name, labels);
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
