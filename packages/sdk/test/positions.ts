import type { Address } from "viem";
import { marketIncreaseOrder } from "../src/utils/orders.js";
import { toUnitPrice } from "../src/utils/unitPrice.js";
import { parseUsd } from "../src/utils/usd.js";
import { openPosition, type TestChain, type TestWallet } from "./fixtures.js";

/** Opens a USDC-collateral position in the ETH/USD market at $3000. */
export async function openEthPosition(
  chain: TestChain,
  user: TestWallet,
  options: { isLong?: boolean; sizeUsd?: string; collateralUsdc?: bigint; collateralToken?: Address } = {},
): Promise<void> {
  const isLong = options.isLong ?? true;
  await openPosition(
    chain,
    user,
    marketIncreaseOrder({
      market: chain.deployment.ethUsdMarket,
      collateralToken: options.collateralToken ?? chain.deployment.usdc,
      isLong,
      sizeDeltaUsd: parseUsd(options.sizeUsd ?? "5000"),
      collateralAmount: (options.collateralUsdc ?? 1_000n) * 1_000_000n,
      indexPrice: toUnitPrice("3000", 18),
      slippageBps: 50,
    }),
  );
}
