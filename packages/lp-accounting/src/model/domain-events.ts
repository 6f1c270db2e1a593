import type { Address, Hex } from "viem";
import { ModelIntegrityError } from "../errors.js";
import type { IndexedLog } from "../store/log-store.js";
import type {
  MarketConfig,
  OpenInterest,
  PoolBalances,
  PositionChange,
  RateState,
  TradeAmounts,
} from "./market-types.js";

/** Where an event happened. */
export interface EventPosition {
  readonly blockNumber: bigint;
  readonly logIndex: number;
  /** Unix seconds of the block. */
  readonly timestamp: bigint;
  readonly transactionHash: Hex;
  readonly transactionIndex: number;
}

/** The events the accounting understands, decoded and typed. Addresses as viem returns them (checksummed). */
export type DomainEvent =
  | {
      readonly type: "MarketCreated";
      readonly market: Address;
      readonly indexToken: Address;
      readonly longToken: Address;
      readonly shortToken: Address;
    }
  | { readonly type: "MarketConfigUpdated"; readonly market: Address; readonly config: MarketConfig }
  | { readonly type: "MaintenanceMarginUpdated"; readonly market: Address; readonly newFactor: bigint }
  | { readonly type: "MarketPauseUpdated"; readonly market: Address; readonly paused: boolean }
  | {
      readonly type: "AdlStateUpdated";
      readonly market: Address;
      readonly isLong: boolean;
      readonly active: boolean;
    }
  | { readonly type: "FeedConfigured"; readonly token: Address; readonly feedId: Hex }
  | {
      readonly type: "PriceAccepted";
      readonly feedId: Hex;
      readonly price: bigint;
      readonly publishTime: bigint;
    }
  | {
      readonly type: "Transfer";
      readonly market: Address;
      readonly from: Address;
      readonly to: Address;
      readonly value: bigint;
    }
  | {
      readonly type: "WithdrawalCreated";
      readonly id: bigint;
      readonly account: Address;
      readonly market: Address;
      readonly shares: bigint;
    }
  | {
      readonly type: "DepositExecuted";
      readonly id: bigint;
      readonly account: Address;
      readonly market: Address;
      readonly longTokenAmount: bigint;
      readonly shortTokenAmount: bigint;
      readonly sharesMinted: bigint;
      readonly feeUsd: bigint;
      readonly poolValueUsd: bigint;
      readonly totalSupplyBefore: bigint;
    }
  | {
      readonly type: "WithdrawalExecuted";
      readonly id: bigint;
      readonly account: Address;
      readonly market: Address;
      readonly sharesBurned: bigint;
      readonly longTokenAmount: bigint;
      readonly shortTokenAmount: bigint;
      readonly feeUsd: bigint;
      readonly poolValueUsd: bigint;
      readonly totalSupplyBefore: bigint;
    }
  | {
      readonly type: "RequestCancelled";
      readonly id: bigint;
      readonly account: Address;
      readonly market: Address;
    }
  | {
      readonly type: "PositionIncreased";
      readonly positionKey: Hex;
      readonly account: Address;
      readonly market: Address;
      readonly collateralToken: Address;
      readonly isLong: boolean;
      readonly change: PositionChange;
      readonly amounts: TradeAmounts;
    }
  | {
      readonly type: "PositionDecreased";
      readonly positionKey: Hex;
      readonly account: Address;
      readonly market: Address;
      /** `DecreaseKind`: 0 order, 1 liquidation, 2 partial liquidation, 3 ADL. */
      readonly kind: number;
      readonly collateralToken: Address;
      readonly isLong: boolean;
      readonly change: PositionChange;
      readonly amounts: TradeAmounts;
      readonly profitLongTokenAmount: bigint;
      readonly profitShortTokenAmount: bigint;
    }
  | {
      readonly type: "FeesCollected";
      readonly market: Address;
      readonly token: Address;
      readonly positionFeeUsd: bigint;
      readonly borrowingFeeUsd: bigint;
      readonly liquidationFeeAmount: bigint;
      readonly toInsuranceAmount: bigint;
      readonly toLiquidatorAmount: bigint;
    }
  | {
      readonly type: "PositionLiquidated";
      readonly positionKey: Hex;
      readonly account: Address;
      readonly market: Address;
      readonly liquidator: Address;
      readonly isPartial: boolean;
      readonly sizeClosedUsd: bigint;
      readonly indexPrice: bigint;
      readonly remainingCollateralUsd: bigint;
      readonly maintenanceMarginUsd: bigint;
    }
  | {
      readonly type: "ShortfallRecorded";
      readonly market: Address;
      readonly positionKey: Hex;
      readonly account: Address;
      readonly indexPrice: bigint;
      readonly shortfallUsd: bigint;
      readonly coveredByInsuranceUsd: bigint;
      readonly absorbedByLpUsd: bigint;
      readonly insuranceLongAmount: bigint;
      readonly insuranceShortAmount: bigint;
    }
  | {
      readonly type: "PoolStateUpdated";
      readonly market: Address;
      readonly balances: PoolBalances;
      readonly openInterest: OpenInterest;
      readonly rates: RateState;
      readonly totalSupply: bigint;
    };

/** A {@link DomainEvent} with where it happened. `Transfer.market` is the lowercase pool token address. */
export type PositionedEvent = DomainEvent & { readonly at: EventPosition };

/** Which contract emitted what: logs from anywhere else are ignored. */
export interface EventSources {
  /** The exchange (lowercase). */
  readonly exchange: string;
  /** The oracle adapter (lowercase). */
  readonly oracle: string;
  /** The pool tokens (markets), lowercase. */
  readonly markets: ReadonlySet<string>;
}

const EXCHANGE_EVENTS = new Set([
  "MarketCreated",
  "MarketConfigUpdated",
  "MaintenanceMarginUpdated",
  "MarketPauseUpdated",
  "AdlStateUpdated",
  "WithdrawalCreated",
  "DepositExecuted",
  "WithdrawalExecuted",
  "RequestCancelled",
  "PositionIncreased",
  "PositionDecreased",
  "FeesCollected",
  "PositionLiquidated",
  "ShortfallRecorded",
  "PoolStateUpdated",
]);

/**
 * Turns a stored log into a typed {@link PositionedEvent}, or `null` for logs the accounting does
 * not use (other contracts, other events).
 *
 * @throws {ModelIntegrityError} for a log without block timestamp, or an event of a known contract
 * that did not decode (an ABI mismatch: the figures would silently miss it).
 */
export function toDomainEvent(log: IndexedLog, sources: EventSources): PositionedEvent | null {
  const address = log.address.toLowerCase();
  const fromExchange = address === sources.exchange;
  const fromOracle = address === sources.oracle;
  const fromMarket = sources.markets.has(address);
  if (!fromExchange && !fromOracle && !fromMarket) return null;
  if (log.eventName === null || log.args === null) {
    throw new ModelIntegrityError(
      `log ${log.blockNumber}:${log.logIndex} from ${log.address} (topic ${log.topics[0] ?? "none"}) did not decode against the exchange ABI: ` +
        "the indexed ABI does not match the deployed contracts",
    );
  }
  const name = log.eventName;
  const relevant =
    (fromExchange && EXCHANGE_EVENTS.has(name)) ||
    (fromOracle && (name === "PriceAccepted" || name === "FeedConfigured")) ||
    (fromMarket && name === "Transfer");
  if (!relevant) return null;
  if (log.blockTimestamp === undefined) {
    throw new ModelIntegrityError(
      `log ${log.blockNumber}:${log.logIndex} has no block timestamp: index it with this package's Indexer`,
    );
  }
  const at: EventPosition = {
    blockNumber: log.blockNumber,
    logIndex: log.logIndex,
    timestamp: log.blockTimestamp,
    transactionHash: log.transactionHash,
    transactionIndex: log.transactionIndex,
  };
  const args = log.args as Record<string, unknown>;
  if (name === "Transfer") {
    return {
      type: "Transfer",
      market: address as Address,
      from: args.from as Address,
      to: args.to as Address,
      value: args.value as bigint,
      at,
    };
  }
  // The decoded arguments are exactly the event's fields (viem's strict decoding of the real ABI).
  return { type: name, ...args, at } as unknown as PositionedEvent;
}
