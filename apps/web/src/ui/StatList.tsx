import type { ReactNode } from "react";

export type Stat = {
  label: string;
  value: ReactNode;
  /** Colours the value: gains green, losses red. */
  tone?: "positive" | "negative" | "muted" | undefined;
  /** A stable hook for tests and screen readers: data-stat="liquidation-price". */
  id?: string;
};

/** Label/value pairs as a description list. */
export function StatList({
  stats,
  columns = 2,
  label,
}: {
  stats: readonly Stat[];
  columns?: 1 | 2 | 3 | 4;
  label?: string;
}) {
  return (
    <dl className={`stat-list stat-list--cols-${columns}`} aria-label={label}>
      {stats.map((stat) => (
        <div key={stat.label} className="stat-list__item" data-stat={stat.id}>
          <dt>{stat.label}</dt>
          <dd data-tone={stat.tone}>{stat.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "positive" for gains, "negative" for losses, nothing for zero. */
export function toneOf(value: bigint): "positive" | "negative" | undefined {
  if (value > 0n) return "positive";
  if (value < 0n) return "negative";
  return undefined;
}
