import { useEffect, useState } from "react";
import { useBlock } from "wagmi";

/** Wall-clock unix seconds, ticking every `intervalMs` (for countdowns). */
export function useNowSeconds(intervalMs = 1_000): number {
  const [now, setNow] = useState(() => Math.floor(Date.now() / 1000));
  useEffect(() => {
    const timer = setInterval(() => setNow(Math.floor(Date.now() / 1000)), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * The timestamp a transaction sent now would most likely execute at: the later of the latest
 * block's and the wall clock (a local chain mines only on transactions, so its last block can be old).
 */
export function useExecutionTimestamp(): bigint {
  const now = useNowSeconds(1_000);
  const block = useBlock({ watch: true, query: { refetchInterval: 2_000 } });
  const blockTime = block.data?.timestamp ?? 0n;
  const wall = BigInt(now);
  return blockTime > wall ? blockTime : wall;
}
