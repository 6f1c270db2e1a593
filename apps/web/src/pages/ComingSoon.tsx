import type { ReactNode } from "react";

/** A clearly marked placeholder for a feature that the contracts and SDK don't serve yet. */
export function ComingSoon({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card coming-soon" aria-label={`${title} (coming soon)`}>
      <h2 className="card__title">
        {title} <span className="badge">Coming soon</span>
      </h2>
      <p className="coming-soon__text">{children}</p>
    </section>
  );
}
