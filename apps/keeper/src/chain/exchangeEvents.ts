import { exchangeAbi } from "@bastion/contracts";
import { type Log, parseEventLogs } from "viem";

/** A decoded exchange event with its block's timestamp. */
export type ExchangeEvent = ReturnType<typeof parseExchangeLogs>[number];

/** Names of the exchange's events. */
export type ExchangeEventName = ExchangeEvent["eventName"];

/** An exchange event of one name. */
export type ExchangeEventOf<N extends ExchangeEventName> = Extract<ExchangeEvent, { eventName: N }>;

/**
 * Decodes raw logs with the exchange ABI (logs of other events or contracts are dropped).
 *
 * The SDK has no event reader yet: this is the keeper's local stand-in (typed by the ABI that forge
 * generated in `@bastion/contracts`, nothing hand-copied).
 */
export function parseExchangeLogs(logs: Log[]) {
  return parseEventLogs({ abi: exchangeAbi, logs, strict: true });
}

/** Whether an event is of the given name (narrows its type). */
export function isEvent<N extends ExchangeEventName>(
  event: ExchangeEvent,
  name: N,
): event is ExchangeEventOf<N> {
  return event.eventName === name;
}
