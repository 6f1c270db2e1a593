import { useCallback } from "react";
import type { Address } from "viem";
import { useConfig, useConnection } from "wagmi";
import { getWalletClient } from "wagmi/actions";
import { useAppConfig } from "../config/AppConfigContext";

/** Thrown when an action needs a wallet and none is connected. */
export class WalletNotConnectedError extends Error {
  override name = "WalletNotConnectedError";
}

/** Thrown when the connected wallet is on another chain than config.json names. */
export class WrongNetworkError extends Error {
  override name = "WrongNetworkError";
}

/**
 * The connected account, and a way to get a signing client for the SDK's writes that fails in words
 * (not connected, wrong network) before anything is sent.
 */
export function useSigningClient() {
  const wagmiConfig = useConfig();
  const connection = useConnection();
  const { chainId, chainName } = useAppConfig();
  const account: Address | undefined = connection.status === "connected" ? connection.address : undefined;
  const wrongNetwork = connection.status === "connected" && connection.chainId !== chainId;

  const getClient = useCallback(async () => {
    if (connection.status !== "connected") throw new WalletNotConnectedError("Connect a wallet to continue.");
    if (connection.chainId !== chainId) {
      throw new WrongNetworkError(`The wallet is on chain ${connection.chainId}; switch it to ${chainName}.`);
    }
    return getWalletClient(wagmiConfig, { chainId, account: connection.address });
  }, [wagmiConfig, connection, chainId, chainName]);

  return { account, wrongNetwork, getClient };
}
