import { useId } from "react";
import { FACTOR_ONE, formatFactor } from "../format/formatFactor";

/** A labelled gauge for a 30-decimal factor (0..1), with its value in words next to it. */
export function Meter({ label, factor, text }: { label: string; factor: bigint; text?: string }) {
  const id = useId();
  const clamped = factor < 0n ? 0n : factor > FACTOR_ONE ? FACTOR_ONE : factor;
  // A gauge is display only: a number is fine here.
  const value = Number((clamped * 10_000n) / FACTOR_ONE) / 10_000;
  return (
    <div className="meter">
      <label htmlFor={id} className="meter__label">
        {label}
      </label>
      <meter id={id} min={0} max={1} low={0.6} high={0.85} optimum={0.2} value={value} />
      <span className="meter__value">{text ?? formatFactor(factor)}</span>
    </div>
  );
}
