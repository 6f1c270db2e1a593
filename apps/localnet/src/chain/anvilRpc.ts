import type { Address, Chain, Client, Transport } from "viem";

type AnyClient = Client<Transport, Chain | undefined>;

function call(client: AnyClient, method: string, params: unknown[]): Promise<unknown> {
  return client.request({ method, params } as never);
}

const hex = (value: bigint | number): string => `0x${value.toString(16)}`;

/** Sets an account's ETH balance (anvil). */
export async function setBalance(client: AnyClient, address: Address, wei: bigint): Promise<void> {
  await call(client, "anvil_setBalance", [address, hex(wei)]);
}

/** Lets the node send transactions as `address` without its key (anvil). */
export async function impersonate(client: AnyClient, address: Address): Promise<void> {
  await call(client, "anvil_impersonateAccount", [address]);
}

/**
 * Freezes the chain's clock (anvil): every later block gets the previous block's timestamp until
 * {@link mineAt} moves it. Used by the crash replay, so the chain's time follows the replayed path.
 */
export async function freezeTime(client: AnyClient): Promise<void> {
  await call(client, "anvil_setBlockTimestampInterval", [0]);
}

/** Lets the chain's clock follow the wall clock again (anvil). */
export async function unfreezeTime(client: AnyClient): Promise<void> {
  await call(client, "anvil_removeBlockTimestampInterval", []);
}

/** Mines an empty block at `timestamp` (Unix seconds, not before the latest block). */
export async function mineAt(client: AnyClient, timestamp: bigint): Promise<void> {
  await call(client, "evm_setNextBlockTimestamp", [hex(timestamp)]);
  await call(client, "evm_mine", []);
}
