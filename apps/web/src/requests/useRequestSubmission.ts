import { approveToken, type RequestKind, type SigningClient } from "@bastion/sdk";
import { useMutation } from "@tanstack/react-query";
import type { Address, TransactionReceipt } from "viem";
import { useExchange } from "../chain/useExchange";
import { describeError } from "../errors/describeError";
import type { ErrorContext } from "../errors/ErrorDescription";
import { useTxStatus } from "../status/TxStatusContext";
import { useSigningClient } from "../wallet/useSigningClient";
import { useRequestTracker } from "./RequestTrackerContext";

/** An ERC-20 approval the request needs first (sent only when the allowance is short). */
export type Approval = { token: Address; amount: bigint; symbol: string };

export type RequestSubmission = {
  kind: RequestKind;
  market: Address;
  /** "Open long ETH/USD: $10,000" (shown while it is pending and in the status bar). */
  label: string;
  /** The page it came from, to list it there. */
  origin: string;
  approvals?: readonly Approval[];
  /** Sends the creating transaction with the SDK; returns the request id and the receipt. */
  send: (
    client: SigningClient,
    exchange: Address,
  ) => Promise<{ requestId: bigint; receipt: TransactionReceipt }>;
};

/**
 * Creates a two-step request: approvals if needed, the creating transaction, then the tracker
 * follows it until a keeper executes or cancels it. Progress and failures are announced in words.
 */
export function useRequestSubmission(errorContext: ErrorContext) {
  const { exchange } = useExchange();
  const { getClient, account } = useSigningClient();
  const { track } = useRequestTracker();
  const { announce } = useTxStatus();
  return useMutation({
    mutationFn: async (submission: RequestSubmission) => {
      const client = await getClient();
      for (const approval of submission.approvals ?? []) {
        if (approval.amount === 0n) continue;
        announce(`Checking the ${approval.symbol} approval…`);
        await approveToken(client, { token: approval.token, spender: exchange, amount: approval.amount });
      }
      announce(`Sending: ${submission.label}…`);
      const { requestId, receipt } = await submission.send(client, exchange);
      track({
        kind: submission.kind,
        id: requestId,
        market: submission.market,
        account: account ?? receipt.from,
        fromBlock: receipt.blockNumber,
        label: submission.label,
        origin: submission.origin,
      });
      announce(`Request #${requestId} sent (${submission.label}); waiting for a keeper to execute it.`);
      return requestId;
    },
    onError: (error) => announce(describeError(error, errorContext).title, "error"),
  });
}
