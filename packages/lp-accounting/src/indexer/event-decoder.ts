import { type Abi, type AbiEvent, decodeEventLog, type Hex, toEventSelector } from "viem";
import type { DecodedArgs } from "../store/log-store.js";
import { IndexerConfigError } from "./indexer-errors.js";
import { compileStaticEventDecoder, type StaticEventDecoder } from "./static-event-decoder.js";

/** Decodes logs of a fixed set of events. */
export interface EventDecoder {
  /** Topic-0 selectors of the events, for the `eth_getLogs` filter. */
  readonly selectors: readonly Hex[];
  /**
   * Decodes one log strictly; `null` when its selector is unknown or its topics/data do not match
   * the ABI (the raw log is still kept by the indexer).
   */
  decode(topics: readonly Hex[], data: Hex): { eventName: string; args: DecodedArgs } | null;
}

/**
 * Builds a decoder for the (non-anonymous) events of an ABI. Selectors are computed once; events
 * with only static elementary parameters use a compiled fast path, the rest viem's
 * `decodeEventLog` (both strict, same output).
 *
 * @throws {IndexerConfigError} when the ABI has no event, or an anonymous one (anonymous events
 * have no selector to filter on).
 * @example
 * const decoder = createEventDecoder(parseAbi(["event Deposit(address indexed lp, uint256 amount)"]));
 */
export function createEventDecoder(abi: Abi): EventDecoder {
  const events = abi.filter((item): item is AbiEvent => item.type === "event");
  if (events.length === 0) throw new IndexerConfigError("events: the ABI contains no event");
  const bySelector = new Map<Hex, { event: AbiEvent; decodeStatic: StaticEventDecoder | null }>();
  for (const event of events) {
    if (event.anonymous) {
      throw new IndexerConfigError(`events: anonymous event ${event.name} cannot be filtered by selector`);
    }
    bySelector.set(toEventSelector(event), { event, decodeStatic: compileStaticEventDecoder(event) });
  }
  return {
    selectors: [...bySelector.keys()],
    decode(topics, data) {
      const selector = topics[0];
      const known = selector === undefined ? undefined : bySelector.get(selector.toLowerCase() as Hex);
      if (known === undefined) return null;
      const { event, decodeStatic } = known;
      try {
        if (decodeStatic !== null) return { eventName: event.name, args: decodeStatic(topics, data) };
        const decoded = decodeEventLog({
          abi: [event],
          topics: topics as [Hex, ...Hex[]],
          data,
          strict: true,
        });
        return { eventName: event.name, args: (decoded.args ?? []) as DecodedArgs };
      } catch {
        return null;
      }
    },
  };
}
