import { exchangeAbi } from "@bastion/contracts";
import {
  type Address,
  type Chain,
  type Client,
  isAddressEqual,
  type Log,
  parseEventLogs,
  type Transport,
} from "viem";
import { decodeBastionError } from "../errors/decodeBastionError.js";
import { ExecutionFeeTooLowError, InvalidParameterError, UnknownMarketError } from "../errors/errors.js";
import type { ExchangeSettings, MarketState } from "../types.js";
import { readManySettled } from "./read.js";

/** Settings and the market a write touches, in one multicall; throws `UnknownMarketError`. */
export async function loadWriteContext(
  client: Client<Transport, Chain | undefined>,
  exchange: Address,
  market: Address,
): Promise<{ settings: ExchangeSettings; market: MarketState }> {
  const [settings, state] = await readManySettled(client, [
    { address: exchange, abi: exchangeAbi, functionName: "settings" },
    { address: exchange, abi: exchangeAbi, functionName: "getMarket", args: [market] },
  ]);
  if (settings?.status !== "success") throw (settings as { error: Error }).error;
  if (state?.status !== "success") {
    const error = (state as { error: Error }).error;
    if (decodeBastionError(error).name === "MarketNotFound") throw new UnknownMarketError(market, exchange);
    throw error;
  }
  return { settings: settings.result as ExchangeSettings, market: state.result as MarketState };
}

/** The execution fee to send: the given one (checked against the minimum) or the minimum. */
export function resolveExecutionFee(settings: ExchangeSettings, executionFee: bigint | undefined): bigint {
  if (executionFee === undefined) return settings.minExecutionFee;
  if (executionFee < settings.minExecutionFee) {
    throw new ExecutionFeeTooLowError(executionFee, settings.minExecutionFee);
  }
  return executionFee;
}

/** Throws unless `value` is a non-negative bigint. */
export function requireNonNegative(parameter: string, value: bigint): void {
  if (typeof value !== "bigint") throw new InvalidParameterError(parameter, "must be a bigint");
  if (value < 0n) throw new InvalidParameterError(parameter, `must not be negative, got ${value}`);
}

/** The exchange's events of one name in a receipt's logs. */
export function exchangeEvents<const eventName extends ExchangeEventName>(
  exchange: Address,
  logs: Log[],
  eventName: eventName,
) {
  return parseEventLogs({ abi: exchangeAbi, logs, eventName }).filter((log) =>
    isAddressEqual(log.address, exchange),
  );
}

type ExchangeEventName = Extract<(typeof exchangeAbi)[number], { type: "event" }>["name"];
