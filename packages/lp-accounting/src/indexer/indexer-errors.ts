import type { BlockRef } from "../store/log-store.js";

/** Describes the failed RPC call in {@link IndexerRpcError}. */
export interface IndexerRpcErrorParameters {
  /** JSON-RPC method, e.g. `eth_getLogs`. */
  readonly method: string;
  /** Block range the call was for, when it had one. */
  readonly fromBlock?: bigint;
  /** Last block of that range (inclusive). */
  readonly toBlock?: bigint;
  /** How many tries were made. */
  readonly attempts: number;
  /** The last error from the RPC. */
  readonly cause: unknown;
}

/**
 * An RPC call kept failing after every retry. Names the method, the block range and the RPC's own
 * message; the checkpoint has not moved past the range.
 */
export class IndexerRpcError extends Error {
  override name = "IndexerRpcError";
  /** JSON-RPC method that failed. */
  readonly method: string;
  /** First block of the range, when the call had one. */
  readonly fromBlock: bigint | undefined;
  /** Last block of the range, when the call had one. */
  readonly toBlock: bigint | undefined;
  /** Number of tries made. */
  readonly attempts: number;

  /** Builds the message from the method, range, attempts and the cause's message. */
  constructor(parameters: IndexerRpcErrorParameters) {
    const range =
      parameters.fromBlock === undefined
        ? ""
        : parameters.fromBlock === parameters.toBlock
          ? ` for block ${parameters.fromBlock}`
          : ` for blocks ${parameters.fromBlock}..${parameters.toBlock}`;
    const tries = parameters.attempts === 1 ? "1 attempt" : `${parameters.attempts} attempts`;
    super(`${parameters.method}${range} failed after ${tries}: ${describeCause(parameters.cause)}`, {
      cause: parameters.cause,
    });
    this.method = parameters.method;
    this.fromBlock = parameters.fromBlock;
    this.toBlock = parameters.toBlock;
    this.attempts = parameters.attempts;
  }
}

/**
 * The chain no longer contains any block hash the store remembers: the reorg is deeper than the
 * retained history (`maxReorgDepth`), or the RPC serves another chain. Nothing was deleted.
 */
export class ReorgTooDeepError extends Error {
  override name = "ReorgTooDeepError";
  /** The checkpoint that no longer matches the chain. */
  readonly checkpoint: BlockRef;

  /** @param oldestKnownBlock - lowest remembered block that was compared, if any. */
  constructor(checkpoint: BlockRef, oldestKnownBlock: bigint | undefined) {
    super(
      `reorg deeper than the remembered block hashes: checkpoint ${checkpoint.blockNumber} (${checkpoint.blockHash}) ` +
        `and every remembered block down to ${oldestKnownBlock ?? checkpoint.blockNumber} differ from the chain; ` +
        "raise maxReorgDepth or re-index into an empty store",
    );
    this.checkpoint = checkpoint;
  }
}

/** Bad {@link IndexerParameters}: names the parameter and the value. */
export class IndexerConfigError extends Error {
  override name = "IndexerConfigError";
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const fields = cause as Error & {
    shortMessage?: unknown;
    details?: unknown;
    status?: unknown;
    code?: unknown;
  };
  const head =
    typeof fields.shortMessage === "string" ? fields.shortMessage : (cause.message.split("\n")[0] ?? "");
  const facts: string[] = [];
  if (typeof fields.status === "number") facts.push(`HTTP status ${fields.status}`);
  if (typeof fields.code === "number") facts.push(`code ${fields.code}`);
  if (typeof fields.details === "string" && fields.details !== "" && !head.includes(fields.details)) {
    facts.push(fields.details);
  }
  return facts.length === 0 ? head : `${head} (${facts.join(", ")})`;
}
