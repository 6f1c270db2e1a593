import { describeRevert } from "./describeRevert";
import type { ErrorContext, ErrorDescription } from "./ErrorDescription";
import { type ErrorLike, errorChain, findByName, firstLine } from "./errorChain";

const RETRY = { kind: "retry", label: "Try again" } as const;

function isUserRejection(chain: readonly ErrorLike[]): boolean {
  return chain.some(
    (error) =>
      error.name === "UserRejectedRequestError" ||
      error.code === 4001 ||
      // Some wallets reject with a bare message instead of code 4001.
      (typeof error.message === "string" && /user (rejected|denied)/i.test(error.message)),
  );
}

function describeRpcUnreachable(
  chain: readonly ErrorLike[],
  context: ErrorContext,
): ErrorDescription | undefined {
  const transportError = findByName(
    chain,
    "HttpRequestError",
    "TimeoutError",
    "WebSocketRequestError",
    "SocketClosedError",
  );
  const fetchFailed = chain.some(
    (error) =>
      error.name === "TypeError" &&
      typeof error.message === "string" &&
      /failed to fetch|fetch failed|networkerror|load failed/i.test(error.message),
  );
  if (transportError === undefined && !fetchFailed) return undefined;
  const url = typeof transportError?.url === "string" ? transportError.url : context.rpcUrl;
  const where = url === undefined ? "the network's RPC node" : `the RPC node at ${url}`;
  const timedOut = transportError?.name === "TimeoutError";
  return {
    title: timedOut ? "The network is not answering" : "Can't reach the network",
    detail: `The app could not ${timedOut ? "get an answer from" : "connect to"} ${where}. Check your connection, or that the node is running.`,
    action: RETRY,
  };
}

function describeFallback(error: unknown): ErrorDescription {
  const chain = errorChain(error);
  const first = chain[0];
  const shortMessage = typeof first?.shortMessage === "string" ? first.shortMessage : undefined;
  const message = shortMessage ?? (typeof first?.message === "string" ? first.message : undefined);
  if (message !== undefined && message.trim() !== "") {
    return { title: "Something went wrong", detail: firstLine(message), action: RETRY };
  }
  if (typeof error === "string" && error.trim() !== "") {
    return { title: "Something went wrong", detail: firstLine(error), action: RETRY };
  }
  return { title: "Something went wrong", detail: "An unexpected error occurred.", action: RETRY };
}

/**
 * Turns anything thrown by viem, wagmi, a wallet or the app into words a person understands:
 * a short title, a sentence with the numbers that matter, and maybe a next step.
 */
export function describeError(error: unknown, context: ErrorContext = {}): ErrorDescription {
  const chain = errorChain(error);
  const networkName = context.chainName ?? "the app's network";

  if (isUserRejection(chain)) {
    return {
      title: "Request rejected",
      detail: "You declined the request in your wallet, so nothing was signed or sent.",
    };
  }
  if (findByName(chain, "ProviderNotFoundError")) {
    return {
      title: "No browser wallet found",
      detail: "Install a wallet extension and reload, or connect another way.",
      action: { kind: "connect-wallet", label: "Choose a wallet" },
    };
  }
  if (
    findByName(chain, "ConnectorNotConnectedError", "ConnectorAccountNotFoundError", "AccountNotFoundError")
  ) {
    return {
      title: "Wallet not connected",
      detail: "Connect a wallet to continue.",
      action: { kind: "connect-wallet", label: "Connect wallet" },
    };
  }
  if (
    findByName(
      chain,
      "ChainMismatchError",
      "ConnectorChainMismatchError",
      "ChainNotConfiguredError",
      "SwitchChainError",
    )
  ) {
    return {
      title: "Wrong network",
      detail: `Your wallet is on a different network. Switch it to ${networkName} to continue.`,
      action: { kind: "switch-network", label: `Switch to ${networkName}` },
    };
  }
  if (
    findByName(chain, "InsufficientFundsError") ||
    chain.some(
      (error) => typeof error.message === "string" && /insufficient funds for gas/i.test(error.message),
    )
  ) {
    return {
      title: "Not enough ETH for gas",
      detail: "This account cannot pay the network fee for this transaction. Add ETH to it and try again.",
    };
  }
  const revert = describeRevert(chain, context);
  if (revert !== undefined) return revert;
  const unreachable = describeRpcUnreachable(chain, context);
  if (unreachable !== undefined) return unreachable;
  return describeFallback(error);
}
