import { type Chain, getAddress } from "viem";
import { ChainNotConfiguredError, type Connector, createConnector } from "wagmi";
import { createDevAccountProvider, type DevAccountProvider } from "./devAccountProvider";
import { ANVIL_DEV_ACCOUNTS, getDevAccount } from "./devAccounts";

export const DEV_ACCOUNT_CONNECTOR_TYPE = "devAccount";

export type DevAccountConnectorParameters = {
  /** The local chain (anvil, 31337) whose RPC receives signed transactions and reads. */
  chain: Chain;
  /** Account picked before any choice was stored (default 0). */
  defaultAccountIndex?: number;
};

type DevAccountProperties = {
  /** Signs with dev account `index` (0..9) from now on; a connected app sees the account change. */
  selectAccount(index: number): Promise<void>;
  /** The dev account index that signs now. */
  getAccountIndex(): number;
};

type DevAccountStorage = {
  "devAccount.connected": boolean;
  "devAccount.index": number;
};

export type DevAccountConnector = Connector & DevAccountProperties;

export function isDevAccountConnector(connector: Connector | undefined): connector is DevAccountConnector {
  return (
    connector?.type === DEV_ACCOUNT_CONNECTOR_TYPE &&
    typeof connector.selectAccount === "function" &&
    typeof connector.getAccountIndex === "function"
  );
}

/**
 * A wagmi connector that signs with anvil's well-known dev keys, so the app works on a local chain
 * with no browser extension (and in headless tests). Offer it only when the chain is anvil.
 */
export function devAccount({ chain, defaultAccountIndex = 0 }: DevAccountConnectorParameters) {
  let accountIndex = getDevAccount(defaultAccountIndex).index;
  let connected = false;
  let provider: DevAccountProvider | undefined;

  return createConnector<DevAccountProvider, DevAccountProperties, DevAccountStorage>((config) => ({
    id: DEV_ACCOUNT_CONNECTOR_TYPE,
    name: "Dev account (anvil)",
    type: DEV_ACCOUNT_CONNECTOR_TYPE,

    async setup() {
      const stored = await config.storage?.getItem("devAccount.index");
      if (typeof stored === "number" && ANVIL_DEV_ACCOUNTS[stored] !== undefined) accountIndex = stored;
    },

    async connect({ chainId, withCapabilities } = {}) {
      if (chainId !== undefined && chainId !== chain.id) {
        throw new ChainNotConfiguredError();
      }
      connected = true;
      await config.storage?.setItem("devAccount.connected", true);
      const address = getDevAccount(accountIndex).address;
      const accounts = withCapabilities ? [{ address, capabilities: {} }] : [address];
      return { accounts: accounts as never, chainId: chain.id };
    },

    async disconnect() {
      connected = false;
      await config.storage?.removeItem("devAccount.connected");
    },

    async getAccounts() {
      return connected ? [getDevAccount(accountIndex).address] : [];
    },

    async getChainId() {
      return chain.id;
    },

    async getProvider() {
      provider ??= createDevAccountProvider({
        chain,
        getAccount: () => getDevAccount(accountIndex),
        isConnected: () => connected,
      });
      return provider;
    },

    async isAuthorized() {
      return connected || (await config.storage?.getItem("devAccount.connected")) === true;
    },

    async switchChain({ chainId }) {
      if (chainId !== chain.id) throw new ChainNotConfiguredError();
      return chain;
    },

    async selectAccount(index: number) {
      accountIndex = getDevAccount(index).index;
      await config.storage?.setItem("devAccount.index", accountIndex);
      if (connected) this.onAccountsChanged([getDevAccount(accountIndex).address]);
    },

    getAccountIndex() {
      return accountIndex;
    },

    onAccountsChanged(accounts) {
      if (accounts.length === 0) this.onDisconnect();
      else config.emitter.emit("change", { accounts: accounts.map((account) => getAddress(account)) });
    },

    onChainChanged(chainId) {
      config.emitter.emit("change", { chainId: Number(chainId) });
    },

    onDisconnect() {
      connected = false;
      config.emitter.emit("disconnect");
    },
  }));
}
