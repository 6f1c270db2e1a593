import { type Devchain, startDevchain } from "@bastion/devchain";

export interface StartLocalnetOptions {
  /** Port of the local chain's RPC. Default 8545. */
  chainPort?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
}

/** The running local exchange. */
export interface Localnet {
  devchain: Devchain;
  stop(): Promise<void>;
}

/**
 * Brings up the local exchange: anvil with Bastion deployed by the real deploy script.
 *
 * @example
 * const localnet = await startLocalnet({ chainPort: 8545 });
 * console.log(localnet.devchain.deployment.exchange);
 * await localnet.stop();
 */
export async function startLocalnet(options: StartLocalnetOptions = {}): Promise<Localnet> {
  const devchain = await startDevchain({
    port: options.chainPort ?? 8545,
    host: options.host ?? "127.0.0.1",
  });
  return { devchain, stop: () => devchain.stop() };
}
