import { exchangeAbi } from "@bastion/contracts";
import type { Address, Chain, Client, MulticallErrorType, Transport } from "viem";
import { readMany, readOne, snapshotBlock } from "../../internal/read.js";
import type { MarketState } from "../../types.js";

export interface GetClaimableParameters {
  exchange: Address;
  account: Address;
  /** Only these markets (default: every market). */
  markets?: readonly Address[] | undefined;
  blockNumber?: bigint | undefined;
}

export interface GetClaimableReturnType {
  /** ETH (wei) owed after a failed refund or fee payment: `claimEth`. */
  eth: bigint;
  /** Tokens owed after a failed transfer, non-zero entries only: `claimFunds(market, token)`. */
  funds: { market: Address; token: Address; amount: bigint }[];
}

export type GetClaimableErrorType = MulticallErrorType;

/**
 * What failed transfers left owed to an account (a token that refused a transfer, a contract
 * wallet that refused ETH), claimable with `claimFunds` and `claimEth`.
 *
 * @example
 * const { eth, funds } = await getClaimable(publicClient, { exchange, account });
 */
export async function getClaimable(
  client: Client<Transport, Chain | undefined>,
  parameters: GetClaimableParameters,
): Promise<GetClaimableReturnType> {
  const { exchange, account } = parameters;
  const blockNumber = await snapshotBlock(client, parameters.blockNumber);
  const markets =
    parameters.markets ??
    (await readOne<readonly Address[]>(
      client,
      { address: exchange, abi: exchangeAbi, functionName: "getMarkets" },
      { blockNumber },
    ));
  const states = (await readMany(
    client,
    markets.map((market) => ({
      address: exchange,
      abi: exchangeAbi,
      functionName: "getMarket",
      args: [market],
    })),
    { blockNumber },
  )) as MarketState[];
  const pairs = markets.flatMap((market, i) => {
    const state = states[i] as MarketState;
    return [state.longToken, state.shortToken].map((token) => ({ market, token }));
  });
  const [eth, ...amounts] = (await readMany(
    client,
    [
      { address: exchange, abi: exchangeAbi, functionName: "claimableEth", args: [account] },
      ...pairs.map(({ market, token }) => ({
        address: exchange,
        abi: exchangeAbi,
        functionName: "claimableFunds",
        args: [market, token, account],
      })),
    ],
    { blockNumber },
  )) as [bigint, ...bigint[]];
  return {
    eth,
    funds: pairs.flatMap((pair, i) => {
      const amount = amounts[i] as bigint;
      return amount > 0n ? [{ ...pair, amount }] : [];
    }),
  };
}
