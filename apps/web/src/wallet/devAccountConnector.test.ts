// @vitest-environment node
import { createPublicClient, http, parseEther, verifyMessage, verifyTypedData } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStorage } from "wagmi";
import {
  connect,
  disconnect,
  getConnection,
  reconnect,
  sendTransaction,
  signMessage,
  signTypedData,
  switchChain,
  waitForTransactionReceipt,
} from "wagmi/actions";
import type { AppConfig } from "../config/appConfigSchema";
import { exampleAppConfig } from "../test/exampleConfig";
import { type RunningAnvil, startAnvil } from "../test/startAnvil";
import { createWagmiConfig } from "./createWagmiConfig";
import { type DevAccountConnector, isDevAccountConnector } from "./devAccountConnector";
import type { DevAccountProvider } from "./devAccountProvider";
import { getDevAccount } from "./devAccounts";

/** Not anvil's default mnemonic: the node then holds none of the dev keys, so only local signing works. */
const OTHER_MNEMONIC =
  "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

let anvil: RunningAnvil;
let appConfig: AppConfig;

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

function devConnectorOf(config: ReturnType<typeof createWagmiConfig>): DevAccountConnector {
  const connector = config.connectors.find(isDevAccountConnector);
  if (connector === undefined) throw new Error("no dev account connector");
  return connector;
}

beforeAll(async () => {
  anvil = await startAnvil(["--mnemonic", OTHER_MNEMONIC]);
  appConfig = { ...exampleAppConfig(), rpcUrl: anvil.rpcUrl };
  const client = createPublicClient({ transport: http(anvil.rpcUrl) });
  await client.request({
    method: "anvil_setBalance" as never,
    params: [getDevAccount(1).address, "0x56BC75E2D63100000"] as never, // 100 ETH
  });
}, 60_000);

afterAll(async () => {
  await anvil?.stop();
});

describe("dev account connector", () => {
  it("is offered only on anvil's chain id", () => {
    expect(createWagmiConfig(appConfig, { storage: null }).connectors.some(isDevAccountConnector)).toBe(true);
    const mainnetLike = { ...appConfig, chainId: 1 };
    expect(createWagmiConfig(mainnetLike, { storage: null }).connectors.some(isDevAccountConnector)).toBe(
      false,
    );
  });

  it("connects with the picked account and follows a switch", async () => {
    const config = createWagmiConfig(appConfig, { storage: null });
    const connector = devConnectorOf(config);
    const result = await connect(config, { connector });
    expect(result.accounts).toEqual([getDevAccount(0).address]);
    expect(result.chainId).toBe(31337);

    await connector.selectAccount(4);
    expect(getConnection(config).address).toBe(getDevAccount(4).address);
    expect(connector.getAccountIndex()).toBe(4);
    await expect(connector.selectAccount(10)).rejects.toThrow(/no dev account #10/);

    await disconnect(config, { connector });
    expect(getConnection(config).status).toBe("disconnected");
    const provider = (await connector.getProvider()) as DevAccountProvider;
    expect(await provider.request({ method: "eth_accounts" })).toEqual([]);
  });

  it("signs transactions in the page and the node accepts them", async () => {
    const config = createWagmiConfig(appConfig, { storage: null });
    const connector = devConnectorOf(config);
    await connector.selectAccount(1);
    await connect(config, { connector });
    const recipient = getDevAccount(2).address;

    const hash = await sendTransaction(config, { to: recipient, value: parseEther("1.25") });
    const receipt = await waitForTransactionReceipt(config, { hash });
    expect(receipt.status).toBe("success");
    expect(receipt.from.toLowerCase()).toBe(getDevAccount(1).address.toLowerCase());
    const client = createPublicClient({ transport: http(anvil.rpcUrl) });
    expect(await client.getBalance({ address: recipient })).toBe(parseEther("1.25"));
    await disconnect(config, { connector });
  });

  it("signs messages and typed data that verify against the dev account", async () => {
    const config = createWagmiConfig(appConfig, { storage: null });
    const connector = devConnectorOf(config);
    await connector.selectAccount(3);
    await connect(config, { connector });
    const address = getDevAccount(3).address;

    const signature = await signMessage(config, { message: "Bastion dev account" });
    expect(await verifyMessage({ address, message: "Bastion dev account", signature })).toBe(true);

    const typedData = {
      domain: { name: "Bastion", version: "1", chainId: 31337 },
      types: { Order: [{ name: "sizeUsd", type: "uint256" }] },
      primaryType: "Order",
      message: { sizeUsd: 10n ** 32n },
    } as const;
    const typedSignature = await signTypedData(config, typedData);
    expect(await verifyTypedData({ address, signature: typedSignature, ...typedData })).toBe(true);
    await disconnect(config, { connector });
  });

  it("refuses other chains", async () => {
    const config = createWagmiConfig(appConfig, { storage: null });
    const connector = devConnectorOf(config);
    await connect(config, { connector });
    await expect(switchChain(config, { chainId: 1 as never })).rejects.toThrow();
    expect(getConnection(config).chainId).toBe(31337);
    await disconnect(config, { connector });
  });

  it("reconnects after a reload with the account picked before", async () => {
    const storage = createStorage({ key: "bastion.test", storage: memoryStorage() });
    const first = createWagmiConfig(appConfig, { storage });
    await devConnectorOf(first).selectAccount(6);
    await connect(first, { connector: devConnectorOf(first) });

    // A new page load: new wagmi config, same storage.
    const second = createWagmiConfig(appConfig, { storage });
    await reconnect(second);
    expect(getConnection(second).address).toBe(getDevAccount(6).address);
    await disconnect(second);
  });
});
