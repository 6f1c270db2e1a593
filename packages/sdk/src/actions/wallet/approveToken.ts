import {
  type Address,
  type Chain,
  type Client,
  erc20Abi,
  type Hash,
  type TransactionReceipt,
  type Transport,
  type WriteContractErrorType,
} from "viem";
import { readContract } from "viem/actions";
import { getAction } from "viem/utils";
import type { BastionContractError } from "../../errors/errors.js";
import { requireNonNegative } from "../../internal/context.js";
import {
  resolveAccount,
  type SigningClient,
  simulateAndSend,
  type WriteOptions,
} from "../../internal/write.js";

export interface ApproveTokenParameters extends WriteOptions {
  token: Address;
  /** Who may spend: the exchange (it pulls deposits and collateral). */
  spender: Address;
  /** The amount needed. */
  amount: bigint;
  /** What to approve when the allowance is short (default: `amount`). */
  approveAmount?: bigint | undefined;
}

export type ApproveTokenReturnType =
  | { status: "sufficient"; allowance: bigint }
  | { status: "approved"; allowance: bigint; hash: Hash; receipt: TransactionReceipt };

export type ApproveTokenErrorType = BastionContractError | WriteContractErrorType;

/**
 * Approves `spender` for `amount` of `token`, only when the current allowance is short.
 *
 * @example
 * await approveToken(walletClient, { token: deployment.usdc, spender: deployment.exchange, amount: 1_000_000_000n });
 */
export async function approveToken(
  client: SigningClient,
  parameters: ApproveTokenParameters,
): Promise<ApproveTokenReturnType> {
  const { token, spender, amount } = parameters;
  requireNonNegative("amount", amount);
  const account = resolveAccount(client, parameters.account);
  const allowance = await getAction(
    client as Client<Transport, Chain | undefined>,
    readContract,
    "readContract",
  )({ address: token, abi: erc20Abi, functionName: "allowance", args: [account.address, spender] });
  if (allowance >= amount) return { status: "sufficient", allowance };
  const approveAmount = parameters.approveAmount ?? amount;
  requireNonNegative("approveAmount", approveAmount);
  const { hash, receipt } = await simulateAndSend(client, {
    action: "approveToken",
    address: token,
    abi: erc20Abi,
    functionName: "approve",
    args: [spender, approveAmount],
    account,
    gas: parameters.gas,
  });
  return { status: "approved", allowance: approveAmount, hash, receipt };
}
