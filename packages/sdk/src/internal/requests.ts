import { REQUEST_KIND } from "@bastion/contracts";
import type { RequestKind } from "../types.js";

/** The getter of each request kind. */
export const REQUEST_GETTER = {
  deposit: "getDeposit",
  withdrawal: "getWithdrawal",
  order: "getOrder",
} as const satisfies Record<RequestKind, string>;

export const REQUEST_KINDS = Object.keys(REQUEST_KIND) as RequestKind[];
