import { useTxStatus } from "./TxStatusContext";

/**
 * The one polite live region of the app: wallet and transaction status changes are read out here.
 * It is always in the DOM (a live region added together with its text is often not announced).
 */
export function TxStatusRegion() {
  const { current } = useTxStatus();
  return (
    <div
      className="tx-status"
      data-tone={current?.tone ?? "info"}
      role="status"
      aria-live="polite"
      aria-atomic="true"
    >
      {current?.text ?? ""}
    </div>
  );
}
