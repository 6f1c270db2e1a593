import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { KeeperConfigError } from "./errors.js";
import { redactConfig, resolveKeeperConfig } from "./resolveConfig.js";

const KEY = `0x${"ab".repeat(32)}` as const;
const EXCHANGE = "0x00000000000000000000000000000000000000e1";
const LOCAL = { keeperPrivateKey: KEY, deploymentFile: "/nonexistent/deployment.json" } as const;

async function errorOf(promise: Promise<unknown>): Promise<KeeperConfigError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KeeperConfigError);
  return error as KeeperConfigError;
}

describe("resolveKeeperConfig", () => {
  it("names every bad field, with its flag and variable, and never echoes a secret", async () => {
    const secret = "0x1234-not-a-key-but-a-secret";
    const error = await errorOf(
      resolveKeeperConfig(
        {
          rpcUrl: "localhost:8545",
          chainId: "one",
          privateKeys: [secret],
          hermesUrl: "ftp://hermes",
          maxInFlight: 0,
          maxFeePerGasGwei: "lots",
          margin: "sometimes",
          dryRun: "maybe",
          metricsPort: 70_000,
          exchange: "0x1234",
        },
        { env: {}, localDefaults: null },
      ),
    );
    expect(error.issues.map((issue) => issue.field).sort()).toEqual(
      [
        "chainId",
        "dryRun",
        "exchange",
        "hermesUrl",
        "margin",
        "maxFeePerGasGwei",
        "maxInFlight",
        "metricsPort",
        "privateKeys[0]",
        "rpcUrl",
      ].sort(),
    );
    expect(error.message).toContain(
      "rpcUrl (--rpc-url, BASTION_KEEPER_RPC_URL): must be an http(s) or ws(s) URL",
    );
    expect(error.message).toContain(
      "privateKeys[0] (--private-key, BASTION_KEEPER_PRIVATE_KEYS): must be 32 bytes of hex",
    );
    expect(error.message).toContain(
      "maxInFlight (--max-in-flight, BASTION_KEEPER_MAX_IN_FLIGHT): must be at least 1",
    );
    expect(error.message).not.toContain(secret);
  });

  it("rejects unknown fields", async () => {
    const error = await errorOf(
      resolveKeeperConfig({ rpcurl: "http://x" } as never, { env: {}, localDefaults: null }),
    );
    expect(error.message).toMatch(/unknown field\(s\) rpcurl/);
  });

  it("needs a key and an exchange off the local chain, and a Hermes API key for a remote Hermes", async () => {
    const error = await errorOf(
      resolveKeeperConfig(
        { chainId: 42161, hermesUrl: "https://hermes.pyth.network" },
        { env: {}, localDefaults: null },
      ),
    );
    expect(error.issues.map((issue) => issue.field).sort()).toEqual([
      "exchange",
      "hermesApiKey",
      "privateKeys",
    ]);
    expect(error.message).toContain("Hermes requires an API key since August 2026");
  });

  it("uses the devchain's key and deployment on chain 31337, and reports an unreadable deployment", async () => {
    const error = await errorOf(resolveKeeperConfig({}, { env: {}, localDefaults: LOCAL }));
    expect(error.issues).toEqual([
      { field: "deploymentFile", message: "cannot read /nonexistent/deployment.json: ENOENT" },
      { field: "exchange", message: "give the exchange address or a deployment file (--deployment)" },
    ]);
    const dir = mkdtempSync(join(tmpdir(), "keeper-config-"));
    const file = join(dir, "deployment.json");
    const addresses = Object.fromEntries(
      ["pyth", "oracle", "exchange", "timelock", "weth", "wbtc", "usdc", "ethUsdMarket", "btcUsdMarket"].map(
        (k, i) => [k, `0x${(i + 1).toString(16).padStart(40, "0")}`],
      ),
    );
    writeFileSync(file, JSON.stringify({ chainId: 31337, ...addresses }));
    const config = await resolveKeeperConfig(
      {},
      { env: {}, localDefaults: { ...LOCAL, deploymentFile: file } },
    );
    expect(config.privateKeys).toEqual([KEY]);
    expect(config.exchange).toBe(addresses.exchange);
    expect(config.oracle).toBe(addresses.oracle);
    expect(config.rpcUrl).toBe("http://127.0.0.1:8545");
    expect(config.hermesUrl).toBe("http://127.0.0.1:8787");
    expect(config.marginHistoryUrl).toBe("http://127.0.0.1:8787");
    expect(config.maxFeePerGasWei).toBe(200_000_000_000n);
    const wrongChain = await errorOf(
      resolveKeeperConfig({ chainId: 1, deploymentFile: file, privateKeys: [KEY] }, { env: {} }),
    );
    expect(wrongChain.message).toContain("is for chain 31337, not 1");
  });

  it("reads BASTION_KEEPER_* variables; explicit values win", async () => {
    const config = await resolveKeeperConfig(
      { maxInFlight: 4 },
      {
        env: {
          BASTION_KEEPER_EXCHANGE: EXCHANGE,
          BASTION_KEEPER_PRIVATE_KEYS: `${KEY}, 0x${"cd".repeat(32)}`,
          BASTION_KEEPER_MAX_IN_FLIGHT: "9",
          BASTION_KEEPER_DRY_RUN: "yes",
          BASTION_KEEPER_ADL: "false",
          BASTION_KEEPER_MAX_FEE_PER_GAS_GWEI: "1.5",
        },
        localDefaults: null,
      },
    );
    expect(config.privateKeys).toHaveLength(2);
    expect(config.maxInFlight).toBe(4);
    expect(config.dryRun).toBe(true);
    expect(config.adl).toBe(false);
    expect(config.maxFeePerGasWei).toBe(1_500_000_000n);
    const redacted = JSON.stringify(redactConfig(config));
    expect(redacted).not.toContain(KEY.slice(2));
    expect(redacted).toContain('"privateKeys":"2 key(s)"');
  });
});
