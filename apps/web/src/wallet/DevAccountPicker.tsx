import { useId } from "react";
import { shortenAddress } from "../format/formatAddress";
import { ANVIL_DEV_ACCOUNTS } from "./devAccounts";

export type DevAccountPickerProps = {
  value: number;
  onChange: (index: number) => void;
  disabled?: boolean;
};

/** Chooses which of anvil's ten funded dev accounts signs. */
export function DevAccountPicker({ value, onChange, disabled = false }: DevAccountPickerProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Dev account</label>
      <select
        id={id}
        className="select"
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(Number(event.target.value))}
      >
        {ANVIL_DEV_ACCOUNTS.map((account) => (
          <option key={account.index} value={account.index}>
            #{account.index} {shortenAddress(account.address)}
          </option>
        ))}
      </select>
    </div>
  );
}
