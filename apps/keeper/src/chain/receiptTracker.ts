import {
  type Chain,
  formatTransactionReceipt,
  type Hash,
  type PublicClient,
  type RpcTransactionReceipt,
  type TransactionReceipt,
  type Transport,
  toHex,
} from "viem";

/** Waits for many transactions' receipts with one `eth_getBlockReceipts` per new block. */
export interface ReceiptTracker {
  /** Resolves with the receipt of `hash` once mined (same contract as viem's `waitForTransactionReceipt`). */
  wait(parameters: { hash: Hash }): Promise<TransactionReceipt>;
  /** Transactions waited for now. */
  readonly pending: number;
  /** Their hashes. */
  readonly pendingHashes: Hash[];
  stop(): void;
}

/** Thrown when a receipt did not come within the timeout. */
export class ReceiptTimeoutError extends Error {
  override name = "ReceiptTimeoutError";
  constructor(
    readonly hash: Hash,
    timeoutMs: number,
  ) {
    super(`no receipt for ${hash} after ${timeoutMs} ms`);
  }
}

/**
 * A shared receipt waiter. viem's `waitForTransactionReceipt` polls each hash on every new block, so
 * 64 sends in flight cost 64 `eth_getTransactionReceipt` per block; this one reads each new block's
 * receipts once (`eth_getBlockReceipts`, falling back to per-hash reads on nodes without it) and
 * resolves every waiter in it, plus one direct read per hash when it starts waiting (a transaction
 * mined before the wait began). Installed on the keeper's wallet clients with `client.extend`, so the
 * SDK's actions (which resolve actions through the client) use it.
 */
export function createReceiptTracker(
  client: PublicClient<Transport, Chain>,
  options: { pollIntervalMs: number; timeoutMs: number },
): ReceiptTracker {
  const waiters = new Map<
    Hash,
    { resolve: (r: TransactionReceipt) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }[]
  >();
  let lastBlock: bigint | undefined;
  let timer: NodeJS.Timeout | undefined;
  let blockReceipts = true;
  let stopped = false;
  let polls = 0;

  const settle = (receipt: TransactionReceipt) => {
    const list = waiters.get(receipt.transactionHash);
    if (!list) return;
    waiters.delete(receipt.transactionHash);
    for (const waiter of list) {
      clearTimeout(waiter.timer);
      waiter.resolve(receipt);
    }
  };

  const readBlock = async (blockNumber: bigint) => {
    if (blockReceipts) {
      try {
        const receipts = (await client.request({
          method: "eth_getBlockReceipts",
          params: [toHex(blockNumber)],
        } as never)) as RpcTransactionReceipt[] | null;
        for (const raw of receipts ?? []) settle(formatTransactionReceipt(raw) as TransactionReceipt);
        return;
      } catch (error) {
        if (!/not (found|supported|available)|does not exist|unknown method/i.test(String(error)))
          throw error;
        blockReceipts = false;
      }
    }
    await Promise.all([...waiters.keys()].map((hash) => readOne(hash)));
  };

  const readOne = async (hash: Hash) => {
    try {
      settle(await client.getTransactionReceipt({ hash }));
    } catch {
      // not mined yet
    }
  };

  /**
   * The first look at a new waiter: the head, then the receipt. No receipt means the transaction is
   * mined in the head block at the earliest (a node may show a block before its receipts), so the
   * scan restarts from there.
   */
  const firstLook = async (hash: Hash) => {
    try {
      const head = await client.getBlockNumber({ cacheTime: 0 });
      try {
        settle(await client.getTransactionReceipt({ hash }));
        return;
      } catch {
        // not mined yet
      }
      if (!waiters.has(hash)) return;
      if (lastBlock === undefined || lastBlock >= head) lastBlock = head - 1n;
    } catch {
      // RPC failure: look again shortly (the transaction has no scan start yet)
      if (!stopped && waiters.has(hash)) setTimeout(() => void firstLook(hash), options.pollIntervalMs);
      return;
    }
    schedule();
  };

  const poll = async () => {
    timer = undefined;
    if (stopped || waiters.size === 0) return;
    try {
      if (lastBlock !== undefined) {
        const head = await client.getBlockNumber({ cacheTime: 0 });
        for (let n = lastBlock + 1n; n <= head && waiters.size > 0; n++) await readBlock(n);
        // Idle: the next waiter sets its own start. Otherwise read the head block again next time:
        // its receipts may not all have been visible yet.
        lastBlock = waiters.size === 0 ? undefined : head - 1n;
      }
      // Belt and braces: waiters older than a second get a direct read, once a second.
      polls += 1;
      if (polls % Math.max(1, Math.round(1000 / options.pollIntervalMs)) === 0) {
        await Promise.all([...waiters.keys()].map((hash) => readOne(hash)));
      }
    } catch {
      // transient RPC failure: the next poll retries
    }
    schedule();
  };

  const schedule = () => {
    if (!stopped && timer === undefined && waiters.size > 0)
      timer = setTimeout(() => void poll(), options.pollIntervalMs);
  };

  return {
    wait({ hash }) {
      return new Promise<TransactionReceipt>((resolve, reject) => {
        const waiter = {
          resolve,
          reject,
          timer: setTimeout(() => {
            const list = waiters.get(hash)?.filter((w) => w !== waiter) ?? [];
            if (list.length === 0) waiters.delete(hash);
            else waiters.set(hash, list);
            reject(new ReceiptTimeoutError(hash, options.timeoutMs));
          }, options.timeoutMs),
        };
        waiters.set(hash, [...(waiters.get(hash) ?? []), waiter]);
        void firstLook(hash);
      });
    },
    get pending() {
      return waiters.size;
    },
    get pendingHashes() {
      return [...waiters.keys()];
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      for (const [, list] of waiters) {
        for (const waiter of list) {
          clearTimeout(waiter.timer);
          waiter.reject(new Error("keeper stopping"));
        }
      }
      waiters.clear();
    },
  };
}
