import { BastionContractError, HermesError, isRequestGone, TransactionRevertedError } from "@bastion/sdk";
import { BaseError } from "viem";

/** The keeper refused to send: the network's fee is above the configured cap. */
export class FeeCapExceededError extends Error {
  override name = "FeeCapExceededError";
  constructor(
    readonly maxFeePerGas: bigint,
    readonly capWei: bigint,
  ) {
    super(`max fee per gas ${maxFeePerGas} wei is above the cap of ${capWei} wei: not sending`);
  }
}

/** How the keeper reacts to an error. */
export type ErrorKind =
  /** Another keeper (or the owner) handled it first: normal, not an error. */
  | "gone"
  /** A contract rejected the call in simulation; `name` is the decoded custom error. */
  | "contract"
  /** Mined but reverted after a successful simulation. */
  | "reverted"
  /** Hermes failed (unreachable, slow, unauthorized...). */
  | "hermes"
  /** The fee cap stopped the send. */
  | "fee_cap"
  /** The node rejected the nonce: resync and retry. */
  | "nonce"
  /** The RPC failed (unreachable, timeout, HTTP error). */
  | "rpc"
  | "unknown";

/** A classified error: what happened, a short label for metrics, and a message for logs. */
export interface ClassifiedError {
  kind: ErrorKind;
  /** Decoded contract error name, Hermes error code, or the error class name. */
  name: string;
  message: string;
}

const NONCE_PATTERN =
  /nonce too (low|high)|nonce has already been used|replacement transaction underpriced|already known|invalid nonce/i;
const RPC_NAMES = new Set([
  "HttpRequestError",
  "TimeoutError",
  "WebSocketRequestError",
  "SocketClosedError",
  "RpcRequestError",
  "InternalRpcError",
  "LimitExceededRpcError",
  "ResourceUnavailableRpcError",
  "UnknownRpcError",
]);

/**
 * Classifies any error the SDK, viem or Hermes throws so the keeper can count it, log it and pick a
 * reaction (drop, retry with backoff, resync the nonce).
 *
 * @example
 * const { kind, name } = classifyError(error); // { kind: "contract", name: "TriggerPriceNotReached", ... }
 */
export function classifyError(error: unknown): ClassifiedError {
  const message = shortMessage(error);
  if (isRequestGone(error)) return { kind: "gone", name: "RequestGone", message };
  if (error instanceof FeeCapExceededError) return { kind: "fee_cap", name: "FeeCapExceeded", message };
  if (error instanceof HermesError) return { kind: "hermes", name: error.code, message };
  if (error instanceof TransactionRevertedError)
    return { kind: "reverted", name: "TransactionReverted", message };
  if (NONCE_PATTERN.test(fullMessage(error))) return { kind: "nonce", name: "NonceError", message };
  if (error instanceof BastionContractError) {
    const name = error.decoded.name;
    if (name === "RequestNotFound" || name === "PositionNotFound") return { kind: "gone", name, message };
    const rpc = error.decoded.data === undefined ? rpcCause(error) : undefined;
    if (rpc !== undefined) return { kind: "rpc", name: rpc, message };
    return { kind: "contract", name, message };
  }
  const feeCap = walk(error, (e) => e instanceof FeeCapExceededError);
  if (feeCap) return { kind: "fee_cap", name: "FeeCapExceeded", message: shortMessage(feeCap) };
  const rpc = rpcCause(error);
  if (rpc !== undefined) return { kind: "rpc", name: rpc, message };
  const name = error instanceof Error ? error.name : "UnknownError";
  return { kind: "unknown", name, message };
}

function rpcCause(error: unknown): string | undefined {
  const found = walk(error, (e) => e instanceof Error && RPC_NAMES.has(e.name));
  if (found instanceof Error) return found.name;
  const code = walk(
    error,
    (e) =>
      typeof (e as { code?: unknown }).code === "string" && /^E[A-Z]+/.test((e as { code: string }).code),
  );
  if (code) return (code as { code: string }).code;
  return undefined;
}

function walk(error: unknown, predicate: (e: unknown) => boolean): unknown {
  let current: unknown = error;
  for (let depth = 0; depth < 10 && current !== undefined && current !== null; depth++) {
    if (predicate(current)) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function fullMessage(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 10 && current !== undefined && current !== null; depth++) {
    if (current instanceof Error) parts.push(current.message);
    else parts.push(String(current));
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join(" | ");
}

/** One line: viem's `shortMessage` when there is one, else the first line of the message. */
export function shortMessage(error: unknown): string {
  if (error instanceof BaseError) return error.shortMessage;
  if (error instanceof Error) return (error.message.split("\n")[0] ?? error.message).slice(0, 500);
  return String(error).slice(0, 500);
}
