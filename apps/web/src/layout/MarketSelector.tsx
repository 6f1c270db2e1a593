import { useId } from "react";
import { useSelectedMarket } from "../markets/SelectedMarketContext";

/** Picks the market (from config.json) that the Trade and Pool health pages show. */
export function MarketSelector() {
  const { market, markets, selectMarket } = useSelectedMarket();
  const id = useId();
  return (
    <div className="market-selector">
      <label htmlFor={id} className="market-selector__label">
        Market
      </label>
      <select
        id={id}
        className="select"
        value={market.symbol}
        onChange={(event) => selectMarket(event.target.value)}
      >
        {markets.map((candidate) => (
          <option key={candidate.symbol} value={candidate.symbol}>
            {candidate.symbol}
          </option>
        ))}
      </select>
    </div>
  );
}
