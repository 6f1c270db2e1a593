import type { BlockRef, LogBatch } from "./log-store.js";
import { LogStoreRangeError } from "./log-store-range-error.js";

/**
 * Checks that a batch is well formed and continues the store without a gap. Shared by every
 * {@link LogStore} implementation so they reject exactly the same batches.
 *
 * @returns whether the batch moves the checkpoint forward (`false` for a re-store of blocks the
 * store already covers).
 * @throws {LogStoreRangeError}
 */
export function assertBatchFits(batch: LogBatch, checkpoint: BlockRef | null): boolean {
  const { fromBlock, toBlock } = batch;
  if (fromBlock < 0n) throw new LogStoreRangeError(`fromBlock ${fromBlock} is negative`);
  if (fromBlock > toBlock) {
    throw new LogStoreRangeError(`fromBlock ${fromBlock} is greater than toBlock ${toBlock}`);
  }
  if (batch.checkpoint.blockNumber !== toBlock) {
    throw new LogStoreRangeError(
      `checkpoint block ${batch.checkpoint.blockNumber} is not the batch's toBlock ${toBlock}`,
    );
  }
  for (const log of batch.logs) {
    if (log.blockNumber < fromBlock || log.blockNumber > toBlock) {
      throw new LogStoreRangeError(
        `log ${log.blockNumber}:${log.logIndex} lies outside the batch range ${fromBlock}..${toBlock}`,
      );
    }
  }
  if (checkpoint === null) return true;
  if (fromBlock > checkpoint.blockNumber + 1n) {
    throw new LogStoreRangeError(
      `batch ${fromBlock}..${toBlock} is out of order: the checkpoint is at block ${checkpoint.blockNumber}, ` +
        `so blocks ${checkpoint.blockNumber + 1n}..${fromBlock - 1n} would be skipped`,
    );
  }
  return toBlock > checkpoint.blockNumber;
}

/**
 * Checks that a rollback goes backward: the ancestor may not lie above the current checkpoint.
 *
 * @throws {LogStoreRangeError}
 */
export function assertRollbackTarget(ancestor: BlockRef | null, checkpoint: BlockRef | null): void {
  if (ancestor === null) return;
  if (checkpoint === null || ancestor.blockNumber > checkpoint.blockNumber) {
    throw new LogStoreRangeError(
      `cannot roll back to block ${ancestor.blockNumber}: it is above the checkpoint (${checkpoint?.blockNumber ?? "none"})`,
    );
  }
}
