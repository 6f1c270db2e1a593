import {
  cancelDeposit,
  cancelOrder,
  cancelWithdrawal,
  type DecodedError,
  executeDeposit,
  executeOrder,
  executeWithdrawal,
  type RequestKind,
} from "@bastion/sdk";
import type { Address, Hash, Hex } from "viem";
import type { Signer } from "../chain/clients.js";

/** What an execution or cancellation did on chain. */
export type PerformResult =
  | { status: "executed"; hash: Hash; blockNumber: bigint }
  | { status: "cancelled-by-execution"; hash: Hash; reason: DecodedError; blockNumber: bigint }
  | { status: "cancelled-expired"; hash: Hash; blockNumber: bigint };

/** Shared parameters of the keeper's sends. */
export interface SendOptions {
  exchange: Address;
  oracle: Address;
  /** Fixed gas limit, or undefined to estimate. */
  gas: bigint | undefined;
}

const EXECUTE = { deposit: executeDeposit, withdrawal: executeWithdrawal, order: executeOrder } as const;
const CANCEL = { deposit: cancelDeposit, withdrawal: cancelWithdrawal, order: cancelOrder } as const;

/** Executes a request through the SDK (simulate, send, wait, decode the outcome). */
export async function executeRequest(
  signer: Signer,
  kind: RequestKind,
  id: bigint,
  priceUpdate: readonly Hex[],
  options: SendOptions,
): Promise<PerformResult> {
  const { hash, receipt, outcome } = await EXECUTE[kind](signer.client, {
    exchange: options.exchange,
    oracle: options.oracle,
    id,
    priceUpdate,
    gas: options.gas,
  });
  if (outcome.status === "executed") return { status: "executed", hash, blockNumber: receipt.blockNumber };
  return { status: "cancelled-by-execution", hash, reason: outcome.reason, blockNumber: receipt.blockNumber };
}

/** Cancels an expired market request through the SDK (anyone may; the owner gets escrow and fee back). */
export async function cancelExpiredRequest(
  signer: Signer,
  kind: RequestKind,
  id: bigint,
  options: SendOptions,
): Promise<PerformResult> {
  const { hash, receipt } = await CANCEL[kind](signer.client, {
    exchange: options.exchange,
    id,
    gas: options.gas,
  });
  return { status: "cancelled-expired", hash, blockNumber: receipt.blockNumber };
}
