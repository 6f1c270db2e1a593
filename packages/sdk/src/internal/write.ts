import type { Abi, Account, Address, Chain, Client, Hash, TransactionReceipt, Transport } from "viem";
import {
  estimateContractGas,
  simulateContract,
  waitForTransactionReceipt,
  writeContract,
} from "viem/actions";
import { getAction, parseAccount } from "viem/utils";
import { decodeBastionError } from "../errors/decodeBastionError.js";
import { BastionContractError, InvalidParameterError, TransactionRevertedError } from "../errors/errors.js";
import { exchangeWithErrorsAbi } from "./abi.js";

/** A client that can sign: a wallet client (optionally extended with public actions). */
export type SigningClient = Client<Transport, Chain | undefined, Account | undefined>;

/** Options every write action accepts. */
export interface WriteOptions {
  /** The sender; defaults to the client's account. */
  account?: Account | Address | undefined;
  /**
   * Gas limit; when omitted, the estimate plus {@link GAS_BUFFER_PERCENT}% (the state a call reads
   * can change between estimate and mining, e.g. a storage slot going from zero to non-zero).
   */
  gas?: bigint | undefined;
}

export interface SendParameters extends WriteOptions {
  action: string;
  address: Address;
  abi?: Abi | undefined;
  functionName: string;
  args: readonly unknown[];
  value?: bigint | undefined;
  /** Turns a simulation failure into a more specific error (throw it), or returns to fall through. */
  onSimulateError?: (error: unknown) => Promise<void> | void | undefined;
  /** Called when the mined transaction reverted; may throw a more specific error. */
  onReverted?: (hash: Hash) => Promise<void> | void | undefined;
}

export interface SendResult {
  hash: Hash;
  receipt: TransactionReceipt;
  /** What the simulation returned. */
  result: unknown;
}

/** Margin added to a gas estimate when the caller gives no gas limit. */
export const GAS_BUFFER_PERCENT = 25n;

/** Resolves the sender or throws an `InvalidParameterError`. */
export function resolveAccount(client: SigningClient, account: Account | Address | undefined): Account {
  const resolved = account ?? client.account;
  if (resolved === undefined) {
    throw new InvalidParameterError(
      "account",
      "no account to send from: pass `account` or use a wallet client with one",
    );
  }
  return parseAccount(resolved);
}

/**
 * Simulates a call (so a bad call fails with a decoded custom error before anything is signed),
 * sends it, waits for the receipt, and throws when it reverted.
 */
export async function simulateAndSend(
  client: SigningClient,
  parameters: SendParameters,
): Promise<SendResult> {
  const account = resolveAccount(client, parameters.account);
  const base = {
    address: parameters.address,
    abi: parameters.abi ?? (exchangeWithErrorsAbi as Abi),
    functionName: parameters.functionName,
    args: parameters.args,
    account,
    chain: client.chain,
    ...(parameters.value === undefined ? {} : { value: parameters.value }),
    ...(parameters.gas === undefined ? {} : { gas: parameters.gas }),
  };
  let simulated: { request: unknown; result: unknown };
  try {
    simulated = (await getAction(
      client,
      simulateContract,
      "simulateContract",
    )({
      ...base,
      // The pending block carries the time the transaction will be mined at; the latest block can be
      // minutes old on a quiet chain, which would misjudge time-dependent checks such as cancel delays.
      blockTag: "pending",
    } as unknown as Parameters<typeof simulateContract>[1])) as { request: unknown; result: unknown };
  } catch (error) {
    await parameters.onSimulateError?.(error);
    throw new BastionContractError(parameters.action, error);
  }
  let hash: Hash;
  try {
    const request = withoutBlockTag(simulated.request) as Parameters<typeof writeContract>[1];
    const gas =
      parameters.gas ??
      ((await getAction(
        client,
        estimateContractGas,
        "estimateContractGas",
      )({ ...base, blockTag: "pending" } as unknown as Parameters<typeof estimateContractGas>[1])) *
        (100n + GAS_BUFFER_PERCENT)) /
        100n;
    hash = await getAction(client, writeContract, "writeContract")({ ...request, gas } as typeof request);
  } catch (error) {
    if (decodeBastionError(error).data !== undefined) {
      await parameters.onSimulateError?.(error);
      throw new BastionContractError(parameters.action, error);
    }
    throw error;
  }
  const receipt = await getAction(client, waitForTransactionReceipt, "waitForTransactionReceipt")({ hash });
  if (receipt.status !== "success") {
    await parameters.onReverted?.(hash);
    throw new TransactionRevertedError(parameters.action, hash);
  }
  return { hash, receipt, result: simulated.result };
}

/** The simulated request without the `blockTag` it was simulated at (not a transaction field). */
function withoutBlockTag(request: unknown): unknown {
  const { blockTag: _blockTag, ...rest } = request as { blockTag?: unknown };
  return rest;
}
