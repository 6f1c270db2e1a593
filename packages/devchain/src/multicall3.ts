import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createPublicClient, createWalletClient, type Hex, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { DEV_ACCOUNTS } from "./devAccounts.js";

/** Where Multicall3 lives on every public EVM chain; the local chain has it there too. */
export const MULTICALL3_ADDRESS = "0xcA11bde05977b3631167028862bE2a173976CA11" as const;

/**
 * Installs Multicall3 at its canonical address on a local anvil: deploys it normally, then copies its
 * runtime code to the canonical address (`anvil_setCode`). Batched reads then behave as on a public
 * chain instead of relying on viem's deployless multicall, whose init code grows with the batch.
 */
export async function installMulticall3(rpcUrl: string): Promise<void> {
  const transport = http(rpcUrl);
  const publicClient = createPublicClient({ transport });
  const wallet = createWalletClient({
    transport,
    account: privateKeyToAccount(DEV_ACCOUNTS.deployer.privateKey),
  });
  const chainId = await publicClient.getChainId();
  const hash = await wallet.deployContract({
    abi: [],
    bytecode: multicall3CreationCode(),
    chain: {
      id: chainId,
      name: "local",
      nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
      rpcUrls: { default: { http: [rpcUrl] } },
    },
  });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (!receipt.contractAddress) throw new Error("Multicall3 deployment produced no contract");
  const code = await publicClient.getCode({ address: receipt.contractAddress });
  if (!code) throw new Error("Multicall3 deployment left no code");
  await publicClient.request({
    method: "anvil_setCode" as never,
    params: [MULTICALL3_ADDRESS, code] as never,
  });
}

/**
 * Multicall3's creation code (mds1/multicall, the contract deployed on every public chain), as viem
 * ships it for its deployless multicall. viem does not export it publicly, so it is read from viem's
 * own build.
 */
function multicall3CreationCode(): Hex {
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve("viem/package.json")), "_esm", "constants", "contracts.js");
  const match = /multicall3Bytecode\s*=\s*'(0x[0-9a-f]+)'/.exec(readFileSync(file, "utf8"));
  if (!match?.[1]) throw new Error(`Multicall3 bytecode not found in ${file}: has viem's layout changed?`);
  return match[1] as Hex;
}
