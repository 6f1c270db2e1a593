import type { ReactNode } from "react";

/** A calm, non-error note (empty states, what happens next). */
export function Notice({ children, tone = "info" }: { children: ReactNode; tone?: "info" | "warning" }) {
  return (
    <p className="notice" data-tone={tone}>
      {children}
    </p>
  );
}
