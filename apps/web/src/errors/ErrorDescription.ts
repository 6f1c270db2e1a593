import type { Address } from "viem";
import type { MarketConfig } from "../config/appConfigSchema";

/** A next step the UI can offer as a button. */
export type ErrorAction = {
  kind: "retry" | "switch-network" | "connect-wallet" | "reload";
  label: string;
};

/** What a person reads instead of a stack trace or a raw revert. */
export type ErrorDescription = {
  /** A few words: "Price moved past your limit". */
  title: string;
  /** One or two sentences with the numbers that matter. */
  detail: string;
  action?: ErrorAction;
};

/** What the app knows that makes messages precise (token symbols, the network's name, the RPC). */
export type ErrorContext = {
  markets?: readonly MarketConfig[];
  /** The market the failing action was for: its index token scales prices in errors. */
  market?: MarketConfig;
  /** The token an action moved (ERC-20 errors do not name their token). */
  token?: Address;
  chainName?: string;
  rpcUrl?: string;
  priceServiceUrl?: string;
};
