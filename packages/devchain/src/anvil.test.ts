import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPublicClient, createTestClient, createWalletClient, http, parseEther } from "viem";
import { mnemonicToAccount, privateKeyToAccount } from "viem/accounts";
import { afterAll, describe, expect, it } from "vitest";
import {
  ANVIL_DEV_ACCOUNTS,
  ANVIL_DEV_MNEMONIC,
  type AnvilInstance,
  AnvilStartError,
  resolveAnvilBinary,
  startAnvil,
} from "./anvil.js";

const started: AnvilInstance[] = [];
const scratch = mkdtempSync(join(tmpdir(), "bastion-anvil-"));

async function start(options: Parameters<typeof startAnvil>[0] = {}): Promise<AnvilInstance> {
  const anvil = await startAnvil(options);
  started.push(anvil);
  return anvil;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

afterAll(async () => {
  await Promise.all(started.map((anvil) => anvil.stop()));
  rmSync(scratch, { recursive: true, force: true });
});

describe("ANVIL_DEV_ACCOUNTS", () => {
  it("are the mnemonic's first ten accounts, keys matching addresses", () => {
    expect(ANVIL_DEV_ACCOUNTS).toHaveLength(10);
    ANVIL_DEV_ACCOUNTS.forEach(({ address, privateKey }, addressIndex) => {
      expect(privateKeyToAccount(privateKey).address).toBe(address);
      expect(mnemonicToAccount(ANVIL_DEV_MNEMONIC, { addressIndex }).address).toBe(address);
    });
  });
});

describe("resolveAnvilBinary", () => {
  it("finds the executable of the @foundry-rs/anvil platform package", () => {
    const binary = resolveAnvilBinary();
    expect(existsSync(binary)).toBe(true);
    expect(binary).toMatch(/anvil(\.exe)?$/);
  });
});

describe("startAnvil", () => {
  it("starts on a free port with the chain id, and funds the dev accounts", async () => {
    const anvil = await start({ chainId: 31_338 });
    expect(anvil.rpcUrl).toBe(`http://127.0.0.1:${anvil.port}`);
    expect(anvil.port).toBeGreaterThan(0);
    const client = createPublicClient({ transport: http(anvil.rpcUrl) });
    expect(await client.getChainId()).toBe(31_338);
    const addresses = await createWalletClient({ transport: http(anvil.rpcUrl) }).getAddresses();
    expect(addresses.map((address) => address.toLowerCase())).toEqual(
      ANVIL_DEV_ACCOUNTS.map(({ address }) => address.toLowerCase()),
    );
    expect(await client.getBalance({ address: ANVIL_DEV_ACCOUNTS[9].address })).toBe(parseEther("10000"));
  });

  it("runs two instances side by side on different ports", async () => {
    const [first, second] = await Promise.all([start(), start({ accounts: 2, balance: 5 })]);
    expect(first.port).not.toBe(second.port);
    const client = createPublicClient({ transport: http(second.rpcUrl) });
    expect(await createWalletClient({ transport: http(second.rpcUrl) }).getAddresses()).toHaveLength(2);
    expect(await client.getBalance({ address: ANVIL_DEV_ACCOUNTS[0].address })).toBe(parseEther("5"));
  });

  it("mines on an interval with blockTime", async () => {
    const anvil = await start({ blockTime: 1 });
    const client = createPublicClient({ transport: http(anvil.rpcUrl) });
    const blockNumber = await poll(
      () => client.getBlockNumber(),
      (value) => value >= 2n,
    );
    expect(blockNumber).toBeGreaterThanOrEqual(2n);
  });

  it("dumps the state on stop and loads it back", async () => {
    const statePath = join(scratch, "state.json");
    const recipient = "0x000000000000000000000000000000000000bEEF";
    const first = await start({ dumpState: statePath });
    await createTestClient({ mode: "anvil", transport: http(first.rpcUrl) }).setBalance({
      address: recipient,
      value: 123_456n,
    });
    await first.stop();
    expect(existsSync(statePath)).toBe(true);

    const second = await start({ loadState: statePath });
    const client = createPublicClient({ transport: http(second.rpcUrl) });
    expect(await client.getBalance({ address: recipient })).toBe(123_456n);
  });

  it("stop() kills the process, waits for it, and can be called twice", async () => {
    const anvil = await startAnvil();
    expect(isRunning(anvil.pid)).toBe(true);
    await Promise.all([anvil.stop(), anvil.stop()]);
    expect(isRunning(anvil.pid)).toBe(false);
    await anvil.stop();
    await expect(fetch(anvil.rpcUrl, { method: "POST" })).rejects.toThrow();
  });

  it("reports a port in use with the port and anvil's own error", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const address = blocker.address();
    const port = typeof address === "object" && address !== null ? address.port : 0;
    try {
      const error = await startAnvil({ port }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AnvilStartError);
      expect((error as Error).message).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect((error as Error).message).toContain(`--port ${port}`);
      expect((error as Error).message).toMatch(/exited before listening[\s\S]*(in use|Address already)/i);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it("reports a bad state file with anvil's error", async () => {
    const error = await startAnvil({ loadState: join(scratch, "missing-state.json") }).catch(
      (caught) => caught,
    );
    expect(error).toBeInstanceOf(AnvilStartError);
    expect((error as Error).message).toContain("missing-state.json");
  });

  it("reports a missing executable clearly", async () => {
    await expect(startAnvil({ binaryPath: join(scratch, "no-such-anvil") })).rejects.toThrow(
      new AnvilStartError(`anvil executable not found at ${join(scratch, "no-such-anvil")}`),
    );
  });
});
