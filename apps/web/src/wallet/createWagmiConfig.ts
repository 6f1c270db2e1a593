import { type CreateConnectorFn, createConfig, createStorage, http, injected, type Storage } from "wagmi";
import { ANVIL_CHAIN_ID, type AppConfig } from "../config/appConfigSchema";
import { chainFromConfig } from "../config/chainFromConfig";
import { devAccount } from "./devAccountConnector";

export type CreateWagmiConfigOptions = {
  /** Where wagmi remembers the last connection (default: localStorage under "bastion.wagmi"). */
  storage?: Storage | null;
};

/** wagmi for the configured chain: a browser wallet, plus anvil's dev accounts on a local chain. */
export function createWagmiConfig(appConfig: AppConfig, options: CreateWagmiConfigOptions = {}) {
  const chain = chainFromConfig(appConfig);
  const connectors: CreateConnectorFn[] = [injected()];
  if (appConfig.chainId === ANVIL_CHAIN_ID) connectors.push(devAccount({ chain }));

  return createConfig({
    chains: [chain],
    connectors,
    transports: { [chain.id]: http(appConfig.rpcUrl) },
    storage:
      options.storage === undefined
        ? createStorage({ key: "bastion.wagmi", storage: globalThis.localStorage })
        : options.storage,
  });
}
