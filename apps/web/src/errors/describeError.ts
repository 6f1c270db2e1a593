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

/** The SDK's Hermes client failed: the price service could not be used. */
function describePriceServiceError(
  chain: readonly ErrorLike[],
  context: ErrorContext,
): ErrorDescription | undefined {
  const hermes = findByName(chain, "HermesError", "PriceServiceError");
  if (hermes === undefined) return undefined;
  const where =
    context.priceServiceUrl === undefined
      ? "the price service"
      : `the price service at ${context.priceServiceUrl}`;
  switch (hermes.code) {
    case "unauthorized":
      return {
        title: "The price service refused the app",
        detail: `${where} asks for an API key the app does not have (or a wrong one). Set priceServiceApiKey in config.json.`,
      };
    case "not-found":
    case "missing-feed":
      return {
        title: "No price for this market",
        detail: `${where} has no price for one of this market's feeds. Check the feed ids in config.json.`,
        action: RETRY,
      };
    case "invalid-response":
      return {
        title: "The price service sent something unexpected",
        detail: `${where} answered, but not with Pyth prices. Check priceServiceUrl in config.json.`,
        action: RETRY,
      };
    default:
      return {
        title: "Can't reach the price service",
        detail: `The app could not get prices from ${where}. Prices, previews and trading wait until it answers again.`,
        action: RETRY,
      };
  }
}

/** Errors the SDK raises itself, before or after a transaction. */
function describeSdkError(chain: readonly ErrorLike[]): ErrorDescription | undefined {
  const gone = findByName(chain, "RequestGoneError");
  if (gone !== undefined) {
    return {
      title: "Already handled",
      detail:
        "That request or position no longer exists: it was executed, cancelled or liquidated a moment ago.",
    };
  }
  const invalid = findByName(chain, "InvalidParameterError", "ExecutionFeeTooLowError", "UnknownMarketError");
  if (invalid !== undefined && typeof invalid.message === "string") {
    return { title: "Check the form", detail: `${firstLine(invalid.message)}.` };
  }
  const reverted = findByName(chain, "TransactionRevertedError");
  if (reverted !== undefined) {
    return {
      title: "The transaction failed on chain",
      detail:
        "It passed the check before sending but reverted when mined (the state changed in between). Nothing was executed; try again.",
      action: RETRY,
    };
  }
  return undefined;
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
    findByName(
      chain,
      "ConnectorNotConnectedError",
      "ConnectorAccountNotFoundError",
      "AccountNotFoundError",
      "WalletNotConnectedError",
    )
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
      "WrongNetworkError",
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
  const priceService = describePriceServiceError(chain, context);
  if (priceService !== undefined) return priceService;
  const sdk = describeSdkError(chain);
  if (sdk !== undefined) return sdk;
  const unreachable = describeRpcUnreachable(chain, context);
  if (unreachable !== undefined) return unreachable;
  return describeFallback(error);
}
