import { useId } from "react";
import { useAccountPositions } from "../chain/useAccountData";
import { useAppConfig } from "../config/AppConfigContext";
import { findMarketConfig } from "../config/marketFeeds";
import { ClaimableCard } from "../positions/ClaimableCard";
import { PendingRequestsCard } from "../positions/PendingRequestsCard";
import { PositionCard } from "../positions/PositionCard";
import { RequestActivity } from "../requests/RequestActivity";
import { Notice } from "../ui/Notice";
import { QueryError } from "../ui/QueryError";
import { useSigningClient } from "../wallet/useSigningClient";
import { PageHeading } from "./PageHeading";

function OpenPositions({ account }: { account: `0x${string}` }) {
  const config = useAppConfig();
  const positions = useAccountPositions(account);
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="positions">
      <h2 id={titleId} className="section-title">
        Open positions
      </h2>
      {positions.error !== null && positions.data === undefined && (
        <QueryError error={positions.error} onRetry={() => void positions.refetch()} />
      )}
      {positions.data === undefined && positions.error === null && <Notice>Loading positions…</Notice>}
      {positions.data !== undefined && positions.data.length === 0 && (
        <Notice>No open positions. Open one on the Trade page.</Notice>
      )}
      {positions.data?.map((position) => {
        const market = findMarketConfig(config, position.market);
        return market === undefined ? null : (
          <PositionCard key={position.key} market={market} position={position} />
        );
      })}
    </section>
  );
}

export function PositionsPage() {
  const { account } = useSigningClient();
  return (
    <>
      <PageHeading
        title="Positions"
        lead="Your open positions, pending requests and anything left to claim."
      />
      {account === undefined ? (
        <Notice>Connect a wallet to see your positions (the button at the top right).</Notice>
      ) : (
        <>
          <RequestActivity origin="positions" title="Your recent requests" />
          <OpenPositions account={account} />
          <PendingRequestsCard account={account} />
          <ClaimableCard account={account} />
        </>
      )}
    </>
  );
}
