import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { describeLogStoreConformance } from "../../test/log-store-conformance.js";
import { syntheticBlockHash, syntheticLog } from "../../test/synthetic-logs.js";
import { SqliteLogStore } from "./sqlite-log-store.js";

describeLogStoreConformance("SqliteLogStore", () => new SqliteLogStore({ filename: ":memory:" }));

describe("SqliteLogStore on a file", () => {
  const dir = mkdtempSync(join(tmpdir(), "lp-accounting-sqlite-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("survives a restart: logs, checkpoint and block hashes read back identical", async () => {
    const filename = join(dir, "restart.sqlite");
    const logs = [syntheticLog(7n, 0, 1n), syntheticLog(7n, 1, 2n), syntheticLog(9n, 0, 3n)];
    const checkpoint = { blockNumber: 9n, blockHash: syntheticBlockHash(9n) };
    const first = new SqliteLogStore({ filename });
    await first.appendBatch({ fromBlock: 5n, toBlock: 9n, logs, checkpoint });
    await first.close();

    const second = new SqliteLogStore({ filename, synchronous: "FULL" });
    expect(await second.getLogs()).toEqual(logs);
    expect(await second.getCheckpoint()).toEqual(checkpoint);
    expect(await second.getRecentBlockHashes()).toEqual([checkpoint]);
    await second.close();
  });

  it("stores block timestamps and upgrades a version 1 file (no timestamp column) in place", async () => {
    const filename = join(dir, "v1.sqlite");
    const legacy = new Database(filename);
    legacy.exec(`
      CREATE TABLE logs (block_number INTEGER NOT NULL, log_index INTEGER NOT NULL, block_hash TEXT NOT NULL,
        transaction_hash TEXT NOT NULL, transaction_index INTEGER NOT NULL, address TEXT NOT NULL, topic0 TEXT,
        topic1 TEXT, topic2 TEXT, topic3 TEXT, data TEXT NOT NULL, event_name TEXT, args TEXT,
        PRIMARY KEY (block_number, log_index));
      CREATE TABLE block_hashes (block_number INTEGER PRIMARY KEY, block_hash TEXT NOT NULL);
      CREATE TABLE checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), block_number INTEGER NOT NULL, block_hash TEXT NOT NULL);
    `);
    legacy.pragma("user_version = 1");
    legacy.close();
    const store = new SqliteLogStore({ filename });
    const stamped = { ...syntheticLog(3n, 0, 1n), blockTimestamp: 1_700_000_036n };
    const unstamped = syntheticLog(4n, 0, 2n);
    await store.appendBatch({
      fromBlock: 3n,
      toBlock: 4n,
      logs: [stamped, unstamped],
      checkpoint: { blockNumber: 4n, blockHash: syntheticBlockHash(4n) },
    });
    const [first, second] = await store.getLogs();
    expect(first).toEqual(stamped);
    expect(second).toEqual(unstamped);
    expect(second !== undefined && "blockTimestamp" in second).toBe(false);
    await store.close();
    const reader = new Database(filename, { readonly: true });
    expect(reader.pragma("user_version", { simple: true })).toBe(2);
    reader.close();
  });

  it("uses the WAL journal", async () => {
    const store = new SqliteLogStore({ filename: join(dir, "wal.sqlite") });
    await store.appendBatch({
      fromBlock: 0n,
      toBlock: 0n,
      logs: [],
      checkpoint: { blockNumber: 0n, blockHash: syntheticBlockHash(0n) },
    });
    const reader = new Database(join(dir, "wal.sqlite"), { readonly: true });
    expect(reader.pragma("journal_mode", { simple: true })).toBe("wal");
    reader.close();
    await store.close();
  });
});
