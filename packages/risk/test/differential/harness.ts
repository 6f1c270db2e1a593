import { bastionErrorsAbi } from "@bastion/contracts";
import { mathHarness } from "@bastion/contracts/testing";
import { ANVIL_DEV_ACCOUNTS, type AnvilInstance, startAnvil } from "@bastion/devchain";
import {
  type Abi,
  type Address,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  type PublicClient,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { multicall } from "viem/actions";
import { chainFailure, type Outcome } from "./outcome.js";

/** The MathHarness artifact, when `@bastion/contracts` was built with it. */
export const harnessArtifact = mathHarness as unknown as { abi: Abi; bytecode: Hex } | undefined;

/** A deployed MathHarness on a private anvil. */
export interface HarnessChain {
  anvil: AnvilInstance;
  client: PublicClient;
  address: Address;
  abi: Abi;
  /** Calls harness functions in batches (deployless multicall) and returns each outcome in order. */
  callAll(calls: readonly HarnessCall[]): Promise<Outcome[]>;
  stop(): Promise<void>;
}

/** One harness call: `<library>_<function>` and its ABI arguments. */
export interface HarnessCall {
  functionName: string;
  args: readonly unknown[];
}

/** Starts anvil and deploys the harness; the ABI used for decoding also knows every Bastion error. */
export async function deployHarness(artifact: { abi: Abi; bytecode: Hex }): Promise<HarnessChain> {
  const anvil = await startAnvil({ extraArgs: ["--disable-code-size-limit"] });
  try {
    const transport = http(anvil.rpcUrl);
    const client = createPublicClient({ transport });
    const wallet = createWalletClient({
      transport,
      account: privateKeyToAccount(ANVIL_DEV_ACCOUNTS[0].privateKey),
    });
    const hash = await wallet.deployContract({ abi: artifact.abi, bytecode: artifact.bytecode, chain: null });
    const receipt = await client.waitForTransactionReceipt({ hash });
    if (receipt.contractAddress === null || receipt.contractAddress === undefined) {
      throw new Error("MathHarness deployment returned no address");
    }
    const address = receipt.contractAddress;
    const abi = [
      ...artifact.abi,
      ...(bastionErrorsAbi as Abi).filter((item) => item.type === "error"),
    ] as Abi;
    return {
      anvil,
      client,
      address,
      abi,
      async callAll(calls) {
        const results = await multicall(client, {
          deployless: true,
          batchSize: 12_000,
          allowFailure: true,
          contracts: calls.map((call) => ({
            address,
            abi,
            functionName: call.functionName,
            args: call.args,
          })),
        });
        return results.map(
          (result): Outcome =>
            result.status === "success" ? { ok: true, value: result.result } : chainFailure(result.error),
        );
      },
      stop: () => anvil.stop(),
    };
  } catch (error) {
    await anvil.stop();
    throw error;
  }
}
