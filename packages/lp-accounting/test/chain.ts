import {
  type Abi,
  type Address,
  createPublicClient,
  createTestClient,
  createWalletClient,
  type Hex,
  http,
  type PublicClient,
  type TestClient,
  type WalletClient,
} from "viem";
import { foundry } from "viem/chains";
import type { EmitterArtifact } from "./compile-emitter.js";

/** Clients for a test chain plus the deployed Emitter. */
export interface EmitterChain {
  /** Reads (what the indexer under test gets, unless a test puts a proxy in front). */
  readonly publicClient: PublicClient;
  /** anvil cheats: snapshot, revert, mine. */
  readonly testClient: TestClient<"anvil">;
  /** The deployed Emitter. */
  readonly emitter: Address;
  /** Block the Emitter was deployed in: the indexer's start block. */
  readonly deployBlock: bigint;
  /** Sends `Emitter.move(account, seq, amount, delta)` and waits for its receipt (one block with automine). */
  move(seq: bigint, amount: bigint, delta?: bigint): Promise<bigint>;
  /** Sends `Emitter.moveMany` (several logs in one block). */
  moveMany(firstSeq: bigint, count: bigint, amount: bigint): Promise<bigint>;
  /** Sends `Emitter.note(seq, memo)`. */
  note(seq: bigint, memo: string): Promise<bigint>;
}

/** First anvil dev account, the one every test uses as `account` in events. */
export const testAccount: Address = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

/** A read client without viem's own retries, so the indexer's retry policy is what is tested. */
export function createReadClient(rpcUrl: string): PublicClient {
  return createPublicClient({
    chain: foundry,
    transport: http(rpcUrl, { retryCount: 0 }),
    pollingInterval: 50,
  });
}

/** Deploys the Emitter fixture on a fresh anvil and returns helpers to emit events. */
export async function deployEmitter(rpcUrl: string, artifact: EmitterArtifact): Promise<EmitterChain> {
  const transport = http(rpcUrl, { retryCount: 0 });
  const publicClient = createReadClient(rpcUrl);
  const walletClient: WalletClient = createWalletClient({ chain: foundry, transport, account: testAccount });
  const testClient = createTestClient({ chain: foundry, mode: "anvil", transport });
  const abi: Abi = artifact.abi;

  const confirm = async (hash: Hex): Promise<bigint> => {
    const receipt = await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 20 });
    if (receipt.status !== "success") throw new Error(`transaction ${hash} reverted`);
    return receipt.blockNumber;
  };
  const deployHash = await walletClient.deployContract({
    abi,
    bytecode: artifact.bytecode,
    account: testAccount,
    chain: foundry,
  });
  const receipt = await publicClient.waitForTransactionReceipt({ hash: deployHash, pollingInterval: 20 });
  const emitter = receipt.contractAddress;
  if (!emitter) throw new Error("Emitter deployment produced no address");

  const call = async (functionName: string, args: readonly unknown[]): Promise<bigint> =>
    confirm(
      await walletClient.writeContract({
        address: emitter,
        abi,
        functionName,
        args,
        account: testAccount,
        chain: foundry,
      }),
    );

  return {
    publicClient,
    testClient,
    emitter,
    deployBlock: receipt.blockNumber,
    move: (seq, amount, delta = -seq) => call("move", [testAccount, seq, amount, delta]),
    moveMany: (firstSeq, count, amount) => call("moveMany", [testAccount, firstSeq, count, amount]),
    note: (seq, memo) => call("note", [seq, memo]),
  };
}

/**
 * Resolves once `condition` holds, checking every 20 ms; fails after `timeoutMs` (generous, so a
 * slow machine does not flake).
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Position and identity of a log, for comparing the store with the chain. */
export interface LogIdentity {
  readonly blockNumber: bigint;
  readonly logIndex: number;
  readonly blockHash: Hex;
  readonly transactionHash: Hex;
}

/** Every Emitter log in a block range, read from the chain in one request: the ground truth. */
export async function logsOnChain(
  chain: EmitterChain,
  fromBlock: bigint,
  toBlock: bigint,
): Promise<LogIdentity[]> {
  const logs = await chain.publicClient.getLogs({ address: chain.emitter, fromBlock, toBlock });
  return logs.map((log) => ({
    blockNumber: log.blockNumber,
    logIndex: log.logIndex,
    blockHash: log.blockHash,
    transactionHash: log.transactionHash,
  }));
}

/** The identity fields of stored logs, same shape as {@link logsOnChain}. */
export function identities(logs: readonly LogIdentity[]): LogIdentity[] {
  return logs.map(({ blockNumber, logIndex, blockHash, transactionHash }) => ({
    blockNumber,
    logIndex,
    blockHash,
    transactionHash,
  }));
}
