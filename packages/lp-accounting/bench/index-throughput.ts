/**
 * Throughput of the indexing pipeline: 100,000 synthetic `Moved` events go through the real
 * Indexer (request, decode, batch, store) into the memory and the SQLite store, then are read back.
 * The chain is in-process (see test/synthetic-chain.ts), so the figures exclude network and JSON.
 *
 * Run: pnpm --filter @bastion/lp-accounting bench
 */
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Indexer } from "../src/indexer/indexer.js";
import type { LogStore } from "../src/store/log-store.js";
import { MemoryLogStore } from "../src/store/memory-log-store.js";
import { SqliteLogStore } from "../src/store/sqlite-log-store.js";
import { createSyntheticChain } from "../test/synthetic-chain.js";
import { syntheticEmitter, syntheticEventsAbi } from "../test/synthetic-logs.js";

const EVENTS = 100_000;
const LOGS_PER_BLOCK = 10;
const MAX_BLOCK_RANGE = 500n; // 5,000 logs per eth_getLogs window
const TARGET_EVENTS_PER_SECOND = 20_000;

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

function memory(): string {
  globalThis.gc?.();
  const usage = process.memoryUsage();
  return `rss ${mib(usage.rss)}, heap used ${mib(usage.heapUsed)}`;
}

async function measure(
  name: string,
  store: LogStore,
  chain: ReturnType<typeof createSyntheticChain>,
): Promise<number> {
  const indexer = new Indexer({
    client: chain.client,
    store,
    address: syntheticEmitter,
    events: syntheticEventsAbi,
    startBlock: 1n,
    maxBlockRange: MAX_BLOCK_RANGE,
    confirmations: 0n,
  });
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = await indexer.runOnce();
  const indexSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const count = await store.countLogs();
  if (count !== chain.totalLogs || result.checkpoint?.blockNumber !== chain.head) {
    throw new Error(
      `${name}: stored ${count} logs up to ${result.checkpoint?.blockNumber}, expected ${chain.totalLogs}`,
    );
  }
  const readStarted = performance.now();
  const logs = await store.getLogs();
  const readSeconds = (performance.now() - readStarted) / 1000;
  if (logs.length !== chain.totalLogs) throw new Error(`${name}: read back ${logs.length} logs`);
  const rate = count / indexSeconds;
  console.log(
    `${name.padEnd(7)} index ${count} events in ${indexSeconds.toFixed(2)} s = ${Math.round(rate).toLocaleString("en-US")} events/s ` +
      `(${result.windows} windows; cpu ${cpuSeconds.toFixed(2)} s = ${Math.round(count / cpuSeconds).toLocaleString("en-US")} events/cpu-s); read back in ${readSeconds.toFixed(2)} s; ${memory()}`,
  );
  return rate;
}

async function main(): Promise<void> {
  console.log(
    `load average ${loadavg()
      .map((load) => load.toFixed(2))
      .join(" ")} on ${availableParallelism()} cores`,
  );
  console.log(
    `node ${process.version}, ${EVENTS} events, ${LOGS_PER_BLOCK} per block, window ${MAX_BLOCK_RANGE} blocks`,
  );
  const chain = createSyntheticChain(EVENTS / LOGS_PER_BLOCK, LOGS_PER_BLOCK);
  console.log(`synthetic chain built; ${memory()}`);

  const memoryStore = new MemoryLogStore();
  const memoryRate = await measure("memory", memoryStore, chain);
  await memoryStore.close();

  const dir = mkdtempSync(join(tmpdir(), "lp-accounting-bench-"));
  try {
    const sqliteStore = new SqliteLogStore({ filename: join(dir, "bench.sqlite") });
    const sqliteRate = await measure("sqlite", sqliteStore, chain);
    await sqliteStore.close();
    console.log(`peak rss ${mib(process.resourceUsage().maxRSS * 1024)}`);
    const slowest = Math.min(memoryRate, sqliteRate);
    console.log(
      slowest >= TARGET_EVENTS_PER_SECOND
        ? `ok: both stores above ${TARGET_EVENTS_PER_SECOND.toLocaleString("en-US")} events/s`
        : `BELOW TARGET: ${Math.round(slowest)} < ${TARGET_EVENTS_PER_SECOND} events/s`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
