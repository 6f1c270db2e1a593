import { useId } from "react";
import type { MarketConfig } from "../config/appConfigSchema";
import type { CollateralChoice } from "./orderForm";

/** Which pool token backs the position: the market's long or short token. */
export function CollateralTokenSelect({
  market,
  value,
  onChange,
}: {
  market: MarketConfig;
  value: CollateralChoice;
  onChange: (value: CollateralChoice) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Collateral token</label>
      <select
        id={id}
        className="select"
        value={value}
        onChange={(event) => onChange(event.target.value === "long" ? "long" : "short")}
      >
        <option value="short">{market.shortToken.symbol}</option>
        <option value="long">{market.longToken.symbol}</option>
      </select>
    </div>
  );
}
