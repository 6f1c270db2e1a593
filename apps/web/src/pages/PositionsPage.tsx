import { ComingSoon } from "./ComingSoon";
import { PageHeading } from "./PageHeading";

export function PositionsPage() {
  return (
    <>
      <PageHeading title="Positions" lead="Your open positions, pending orders and history." />
      <ComingSoon title="Open positions">
        Size, collateral, PnL after fees, and liquidation price for each position, with close and edit
        actions.
      </ComingSoon>
      <ComingSoon title="Pending requests">
        Orders waiting for a keeper, with the time left before they expire and a cancel button.
      </ComingSoon>
    </>
  );
}
