import type { Solvency } from "@bastion/sdk";
import { useId } from "react";
import { formatUsd } from "../format/formatUsd";
import { type Stat, StatList, toneOf } from "../ui/StatList";

/** The pool's assets against everything it owes (`getSolvency`), in plain words first. */
export function SolvencyCard({ solvency }: { solvency: Solvency }) {
  const titleId = useId();
  const surplus = solvency.surplusUsd;
  const stats: Stat[] = [
    { label: "Assets (tokens held, at min prices)", value: formatUsd(solvency.assetsUsd), id: "assets" },
    { label: "Liabilities", value: formatUsd(solvency.liabilitiesUsd), id: "liabilities" },
    { label: "Traders' collateral", value: formatUsd(solvency.traderCollateralUsd), id: "trader-collateral" },
    {
      label: "Traders' PnL (owed to traders if positive)",
      value: formatUsd(solvency.traderPnlUsd, { sign: "always" }),
      id: "trader-pnl",
    },
    { label: "Fees traders owe the pool", value: formatUsd(solvency.pendingFeesUsd), id: "pending-fees" },
    { label: "Escrow and claims", value: formatUsd(solvency.escrowAndClaimsUsd), id: "escrow" },
    { label: "Insurance fund", value: formatUsd(solvency.insuranceFundUsd), id: "insurance" },
    { label: "LP value", value: formatUsd(solvency.lpValueUsd), id: "lp-value" },
    { label: "Surplus", value: formatUsd(surplus, { sign: "always" }), tone: toneOf(surplus), id: "surplus" },
  ];
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        Solvency
      </h2>
      <p className="solvency__verdict" data-tone={surplus >= 0n ? "positive" : "negative"}>
        {surplus >= 0n
          ? `Solvent: assets exceed liabilities by ${formatUsd(surplus)}.`
          : `Deficit: liabilities exceed assets by ${formatUsd(-surplus)}.`}
      </p>
      <StatList stats={stats} columns={2} label="Solvency" />
    </section>
  );
}
