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
