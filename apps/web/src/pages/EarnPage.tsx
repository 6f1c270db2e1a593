import { useAppConfig } from "../config/AppConfigContext";
import { ComingSoon } from "./ComingSoon";
import { PageHeading } from "./PageHeading";

export function EarnPage() {
  const { markets } = useAppConfig();
  return (
    <>
      <PageHeading
        title="Earn"
        lead="Provide liquidity to a market's pool: you earn fees and take the other side of traders."
      />
      <section className="card" aria-labelledby="pools-title">
        <h2 id="pools-title" className="card__title">
          Pools
        </h2>
        <ul className="pool-list">
          {markets.map((market) => (
            <li key={market.symbol} className="pool-list__item">
              <span className="pool-list__symbol">{market.symbol}</span>
              <span className="pool-list__tokens">
                {market.longToken.symbol} + {market.shortToken.symbol}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <ComingSoon title="Deposit and withdraw">
        Deposit either pool token for pool shares, withdraw at pool value, and see your return split into
        fees, trader PnL, funding and bad debt absorbed.
      </ComingSoon>
    </>
  );
}
