import type { ReactNode } from "react";
import { Field } from "./Field";

export type AmountInputProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown after the number: "USDC", "x", "%". */
  unit?: string;
  hint?: ReactNode;
  error?: string | undefined;
  /** Fills in a value (the balance, the position's size). */
  onMax?: (() => void) | undefined;
  maxLabel?: string;
  disabled?: boolean;
  placeholder?: string;
};

/** A decimal amount typed as text (never a float): "1.5". */
export function AmountInput({
  label,
  value,
  onChange,
  unit,
  hint,
  error,
  onMax,
  maxLabel = "Max",
  disabled = false,
  placeholder = "0.0",
}: AmountInputProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {({ id, describedBy, invalid }) => (
        <div className="amount-input">
          <input
            id={id}
            className="input amount-input__field"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            value={value}
            placeholder={placeholder}
            disabled={disabled}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => onChange(event.target.value.replace(",", "."))}
          />
          {unit !== undefined && (
            <span className="amount-input__unit" aria-hidden="true">
              {unit}
            </span>
          )}
          {onMax !== undefined && (
            <button
              type="button"
              className="button button--quiet amount-input__max"
              onClick={onMax}
              disabled={disabled}
            >
              {maxLabel}
              <span className="visually-hidden"> ({label})</span>
            </button>
          )}
        </div>
      )}
    </Field>
  );
}
