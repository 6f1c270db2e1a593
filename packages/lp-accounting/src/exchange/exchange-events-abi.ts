import { exchangeAbi, poolTokenAbi, pythOracleAbi } from "@bastion/contracts";
import type { Abi, AbiEvent } from "viem";

function events(abi: Abi, keep: (event: AbiEvent) => boolean): AbiEvent[] {
  return abi.filter((item): item is AbiEvent => item.type === "event" && keep(item));
}

/**
 * The events the LP accounting indexes, from the contracts' generated ABIs: every exchange event
 * (except access-control bookkeeping), the pool tokens' `Transfer`, and the oracle's
 * `PriceAccepted` and `FeedConfigured`.
 */
export const exchangeEventsAbi: readonly AbiEvent[] = [
  ...events(exchangeAbi as Abi, (event) => !event.name.startsWith("Role")),
  ...events(poolTokenAbi as Abi, (event) => event.name === "Transfer"),
  ...events(
    pythOracleAbi as Abi,
    (event) => event.name === "PriceAccepted" || event.name === "FeedConfigured",
  ),
];
