import type { RequestKind } from "@bastion/sdk";
import { type Address, isAddressEqual } from "viem";
import { describeRevertData } from "../errors/describeRevert";
import type { ErrorContext, ErrorDescription } from "../errors/ErrorDescription";
import { shortenAddress } from "../format/formatAddress";

export type Cancellation = {
  /** Revert data of the failed execution; "0x" for a cancellation by the owner or after expiry. */
  reason: `0x${string}`;
  account: Address;
  cancelledBy: Address;
};

/** What the request had escrowed and got back. */
const ESCROW: Record<RequestKind, string> = {
  deposit: "your tokens were returned",
  withdrawal: "your pool shares were returned",
  order: "any collateral you added was returned",
};

/** First letter upper case. */
const capitalize = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** The reason's own sentence without its trailing "Nothing was traded." style ending. */
function reasonSentence(description: ErrorDescription): string {
  return description.detail.replace(
    /\s*(Nothing was (traded|executed|changed)[^.]*\.|Your (tokens|shares) were not taken\.)$/,
    "",
  );
}

/**
 * Explains why a request left the queue without executing, in words: a failed execution's
 * decoded reason ("price moved past your limit"), a cancellation by the owner, or an expiry.
 * The execution fee goes back to the owner when the owner cancels or the request expired, and to
 * the keeper that tried when the execution failed on the request's own conditions.
 */
export function describeCancellation(
  kind: RequestKind,
  cancellation: Cancellation,
  context: ErrorContext,
): ErrorDescription {
  const refund = ESCROW[kind];
  const failure = describeRevertData(cancellation.reason, context);
  if (failure !== undefined) {
    return {
      title: `Cancelled: ${failure.title.charAt(0).toLowerCase()}${failure.title.slice(1)}`,
      detail: `${reasonSentence(failure)} Nothing was executed: ${refund}, and the execution fee paid the keeper that tried.`,
      ...(failure.action === undefined ? {} : { action: failure.action }),
    };
  }
  if (isAddressEqual(cancellation.cancelledBy, cancellation.account)) {
    return {
      title: "Cancelled by you",
      detail: `${capitalize(refund)}, with the execution fee.`,
    };
  }
  return {
    title: "Expired and refunded",
    detail: `No keeper executed it in time, so ${shortenAddress(cancellation.cancelledBy)} cancelled it after it expired: ${refund}, with the execution fee.`,
    action: { kind: "retry", label: "Submit again" },
  };
}
