import type { BadDebtLedger } from "@bastion/sdk";
import { useId } from "react";
import { ratioFactor } from "../format/formatFactor";
import { formatUsd } from "../format/formatUsd";
import { Meter } from "../ui/Meter";
import { type Stat, StatList } from "../ui/StatList";

/** The insurance fund against its target, and the cumulative bad-debt ledger (on chain). */
export function RiskBuffersCard({
  insuranceFundUsd,
  insuranceTargetUsd,
  ledger,
}: {
  insuranceFundUsd: bigint | undefined;
  insuranceTargetUsd: bigint;
  ledger: BadDebtLedger;
}) {
  const titleId = useId();
  const ledgerStats: Stat[] = [
    { label: "Total shortfall", value: formatUsd(ledger.totalShortfallUsd), id: "ledger-total" },
    { label: "Covered by insurance", value: formatUsd(ledger.coveredByInsuranceUsd), id: "ledger-insurance" },
    {
      label: "Absorbed by LPs",
      value: formatUsd(ledger.absorbedByLpUsd),
      tone: ledger.absorbedByLpUsd > 0n ? "negative" : undefined,
      id: "ledger-lps",
    },
    { label: "Shortfalls", value: ledger.shortfallCount.toString(), id: "ledger-count" },
  ];
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        Insurance and bad debt
      </h2>
      {insuranceFundUsd !== undefined && (
        <Meter
          label="Insurance fund against its target"
          factor={ratioFactor(insuranceFundUsd, insuranceTargetUsd) ?? 0n}
          text={`${formatUsd(insuranceFundUsd)} of ${formatUsd(insuranceTargetUsd)}`}
        />
      )}
      <h3 className="section-subtitle">Bad-debt ledger</h3>
      <p className="muted">
        Every loss a position's collateral could not cover, recorded on chain: first the insurance fund pays,
        then the pool's LPs.
      </p>
      <StatList stats={ledgerStats} columns={2} label="Bad-debt ledger" />
    </section>
  );
}
