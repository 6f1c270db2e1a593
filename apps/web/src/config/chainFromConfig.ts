import { type Chain, defineChain } from "viem";
import type { AppConfig } from "./appConfigSchema";

/** The viem chain the app talks to, built from config.json. */
export function chainFromConfig(config: AppConfig): Chain {
  return defineChain({
    id: config.chainId,
    name: config.chainName,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [config.rpcUrl] } },
    ...(config.blockExplorerUrl === undefined
      ? {}
      : { blockExplorers: { default: { name: "Explorer", url: config.blockExplorerUrl } } }),
  });
}
