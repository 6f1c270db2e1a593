import { getAccountPositions, getClaimable, getPendingRequests, type PendingRequest } from "@bastion/sdk";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type Address, erc20Abi, isAddressEqual } from "viem";
import { useBalance, useReadContracts } from "wagmi";
import { CHAIN_POLL_MS } from "./polling";
import { useExchange } from "./useExchange";

/** Query keys of everything tied to an account, so writes can refresh them at once. */
export const accountQueryKey = (chainId: number, exchange: Address) => [
  "bastion",
  chainId,
  exchange,
  "account",
];

/** The account's open positions in every market. */
export function useAccountPositions(account: Address | undefined) {
  const { client, exchange, config } = useExchange();
  return useQuery({
    queryKey: [...accountQueryKey(config.chainId, exchange), account, "positions"],
    queryFn: () => getAccountPositions(client, { exchange, account: account as Address }),
    enabled: account !== undefined,
    refetchInterval: CHAIN_POLL_MS,
    placeholderData: keepPreviousData,
  });
}

/** The account's pending requests (deposits, withdrawals, orders), oldest first. */
export function useAccountPendingRequests(account: Address | undefined) {
  const { client, exchange, config } = useExchange();
  return useQuery({
    queryKey: [...accountQueryKey(config.chainId, exchange), account, "pending"],
    queryFn: async (): Promise<PendingRequest[]> => {
      const pending = await getPendingRequests(client, { exchange });
      return pending.filter((entry) => isAddressEqual(entry.request.account, account as Address));
    },
    enabled: account !== undefined,
    refetchInterval: CHAIN_POLL_MS,
    placeholderData: keepPreviousData,
  });
}

/** ETH and tokens that failed transfers left claimable by the account. */
export function useClaimable(account: Address | undefined) {
  const { client, exchange, config } = useExchange();
  return useQuery({
    queryKey: [...accountQueryKey(config.chainId, exchange), account, "claimable"],
    queryFn: () => getClaimable(client, { exchange, account: account as Address }),
    enabled: account !== undefined,
    refetchInterval: CHAIN_POLL_MS * 2,
    placeholderData: keepPreviousData,
  });
}

export type TokenBalances = ReadonlyMap<string, bigint>;

/** ERC-20 balances of the account, by lower-case token address (plain ERC-20 reads, not the exchange). */
export function useTokenBalances(account: Address | undefined, tokens: readonly Address[]) {
  const { config } = useExchange();
  const unique = [...new Set(tokens.map((token) => token.toLowerCase()))] as Address[];
  const query = useReadContracts({
    contracts: unique.map((token) => ({
      address: token,
      abi: erc20Abi,
      functionName: "balanceOf",
      args: [account as Address],
      chainId: config.chainId,
    })),
    query: {
      enabled: account !== undefined,
      refetchInterval: CHAIN_POLL_MS,
      placeholderData: keepPreviousData,
    },
  });
  const balances = new Map<string, bigint>();
  query.data?.forEach((result, index) => {
    const token = unique[index];
    if (token !== undefined && result.status === "success") balances.set(token, result.result as bigint);
  });
  return { ...query, balances: query.data === undefined ? undefined : (balances as TokenBalances) };
}

/** The account's ETH (for execution fees and gas). */
export function useEthBalance(account: Address | undefined) {
  const { config } = useExchange();
  return useBalance({
    address: account,
    chainId: config.chainId,
    query: { enabled: account !== undefined, refetchInterval: CHAIN_POLL_MS },
  });
}
