import type { Hex } from "viem";

/** The local chain's id (anvil). */
export const LOCAL_CHAIN_ID = 31337;

/** Defaults that only make sense on the local devchain: its keeper key and deployment file. */
export interface LocalDefaults {
  keeperPrivateKey: Hex;
  deploymentFile: string;
}

/**
 * The devchain's keeper key and deployment file, from `@bastion/devchain` when it is installed (a
 * development checkout); `undefined` otherwise (a production install has no dev chain, and no
 * default key).
 */
export async function loadLocalDefaults(): Promise<LocalDefaults | undefined> {
  try {
    const devchain = await import("@bastion/devchain");
    return {
      keeperPrivateKey: devchain.DEV_ACCOUNTS.keeper.privateKey as Hex,
      deploymentFile: devchain.DEVCHAIN_DEPLOYMENT_FILE,
    };
  } catch {
    return undefined;
  }
}
