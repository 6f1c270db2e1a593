import type { exchangeAbi, ORDER_TYPE, pythOracleAbi } from "@bastion/contracts";
import type { Address, ContractFunctionArgs, ContractFunctionReturnType, Hex } from "viem";

/**
 * Types of the exchange's structs, inferred from the ABI that forge generated (never hand-copied).
 * Units: USD values and prices have 30 decimals; prices are USD per smallest token unit; factors have
 * 30 decimals (1e30 = 100%); token amounts are in the token's own units.
 */

/** Exchange-wide settings (`IExchange.settings()`). */
export type ExchangeSettings = ContractFunctionReturnType<typeof exchangeAbi, "view", "settings">;

/** A market's identity, configuration and state, as `IExchange.getMarket` returns it. */
export type MarketState = ContractFunctionReturnType<typeof exchangeAbi, "view", "getMarket">;

/** Every configurable parameter of a market. */
export type MarketConfig = MarketState["config"];
/** Token amounts a market's pool vault holds, by owner. */
export type PoolBalances = MarketState["balances"];
/** Open interest per side, in USD and in index tokens. */
export type OpenInterest = MarketState["openInterest"];
/** Borrowing and funding indices. */
export type RateState = MarketState["rates"];
/** Cumulative bad-debt totals of a pool (USD, 30 decimals). */
export type BadDebtLedger = MarketState["ledger"];

/** An isolated-margin position as stored on chain. */
export type PositionState = ContractFunctionReturnType<typeof exchangeAbi, "view", "getPosition">;

/** A position with its key. */
export type Position = PositionState & { key: Hex };

/** A pending deposit. */
export type Deposit = ContractFunctionReturnType<typeof exchangeAbi, "view", "getDeposit">;
/** A pending withdrawal. */
export type Withdrawal = ContractFunctionReturnType<typeof exchangeAbi, "view", "getWithdrawal">;
/** A pending order. */
export type Order = ContractFunctionReturnType<typeof exchangeAbi, "view", "getOrder">;

/** Kinds of two-step requests. */
export type RequestKind = "deposit" | "withdrawal" | "order";

/** The request struct of a kind. */
export type RequestOf<kind extends RequestKind> = kind extends "deposit"
  ? Deposit
  : kind extends "withdrawal"
    ? Withdrawal
    : Order;

/** A verified price as a range: USD (30 decimals) per smallest token unit. */
export interface PriceRange {
  min: bigint;
  max: bigint;
}

/** The three price ranges a market needs: index token, long token, short token. */
export type MarketPrices = ContractFunctionArgs<typeof exchangeAbi, "view", "getPoolValue">[1];

/** A pool's assets, liabilities and surplus (`IExchange.getSolvency`). */
export type Solvency = ContractFunctionReturnType<typeof exchangeAbi, "view", "getSolvency">;

/** The oracle's settings (`IPriceOracle.settings()`). */
export type OracleSettings = ContractFunctionReturnType<typeof pythOracleAbi, "view", "settings">;

/** A token's Pyth feed as the oracle configures it. */
export type FeedConfig = ContractFunctionReturnType<typeof pythOracleAbi, "view", "feedConfig">;

/** Order type names, as `ORDER_TYPE` numbers them. */
export type OrderTypeName = keyof typeof ORDER_TYPE;

/** An ERC-20 token's identity. */
export interface TokenInfo {
  address: Address;
  symbol: string;
  decimals: number;
}

/** A Pyth price with bigint mantissas, as Hermes publishes it. */
export interface PythPrice {
  /** 0x-prefixed, lower-case 32-byte feed id. */
  feedId: Hex;
  /** Mantissa: the price is `price x 10^expo` USD. */
  price: bigint;
  /** Confidence half-width, same exponent. */
  conf: bigint;
  expo: number;
  /** Unix seconds. */
  publishTime: number;
}
