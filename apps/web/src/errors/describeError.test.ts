// @vitest-environment node
import {
  createPublicClient,
  createWalletClient,
  encodeErrorResult,
  encodeFunctionData,
  http,
  numberToHex,
  parseAbi,
  parseEther,
  parseUnits,
} from "viem";
import { describe, expect, it } from "vitest";
import { ProviderNotFoundError } from "wagmi";
import { chainFromConfig } from "../config/chainFromConfig";
import { ONE_USD } from "../format/formatUsd";
import { exampleAppConfig } from "../test/exampleConfig";
import { RpcError, scriptedTransport } from "../test/scriptedProvider";
import { describeError } from "./describeError";
import type { ErrorContext } from "./ErrorDescription";

const config = exampleAppConfig();
const chain = chainFromConfig(config);
const ethMarket = config.markets[0] ?? expect.unreachable();
const context: ErrorContext = {
  markets: config.markets,
  market: ethMarket,
  chainName: config.chainName,
  rpcUrl: config.rpcUrl,
};
const router = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const trader = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

/** The ABI an SDK call would pass: the function and (optionally) the errors it can throw. */
const routerAbi = parseAbi([
  "function createOrder(uint256 sizeUsd) returns (bytes32)",
  "error AcceptablePriceNotMet(uint256 executionPrice, uint256 acceptablePrice)",
  "error VaultPaused(uint256 since, address by)",
]);
/** Errors only the registry knows (as in contracts/src/interfaces/IExchangeErrors.sol). */
const registryOnlyErrors = parseAbi([
  "error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)",
  "error PositionTooSmall(uint256 sizeUsd, uint256 minPositionSizeUsd)",
  "error RequestExpired(uint256 id, uint256 expiredAt)",
  "error InsufficientCollateral(int256 remainingCollateralUsd, uint256 requiredUsd)",
  "error MarketPaused(address market)",
]);

/** The error viem throws when eth_call reverts with `revertData`. */
async function revertErrorFor(revertData: `0x${string}`): Promise<unknown> {
  const client = createPublicClient({
    chain,
    transport: scriptedTransport({
      eth_call: () => {
        throw new RpcError(3, "execution reverted", revertData);
      },
    }),
  });
  return client
    .simulateContract({
      address: router,
      abi: routerAbi,
      functionName: "createOrder",
      args: [1n],
      account: trader,
    })
    .then(
      () => expect.unreachable("the call should revert"),
      (error: unknown) => error,
    );
}

/** The error viem throws when the wallet answers eth_sendTransaction with `rpcError`. */
async function sendErrorFor(rpcError: RpcError, walletChainId = chain.id): Promise<unknown> {
  const client = createWalletClient({
    account: trader,
    chain,
    transport: scriptedTransport({
      eth_chainId: () => numberToHex(walletChainId),
      eth_sendTransaction: () => {
        throw rpcError;
      },
    }),
  });
  return client.sendTransaction({ to: router, value: parseEther("1"), gas: 21_000n }).then(
    () => expect.unreachable("the transaction should fail"),
    (error: unknown) => error,
  );
}

describe("describeError: wallet and network", () => {
  it("explains a request the user rejected", async () => {
    const error = await sendErrorFor(new RpcError(4001, "User rejected the request."));
    expect(describeError(error, context)).toEqual({
      title: "Request rejected",
      detail: "You declined the request in your wallet, so nothing was signed or sent.",
    });
  });

  it("explains missing gas money", async () => {
    // As MetaMask reports it: an internal error whose message names the cause.
    const error = await sendErrorFor(new RpcError(-32603, "insufficient funds for gas * price + value"));
    expect(describeError(error, context).title).toBe("Not enough ETH for gas");
  });

  it("explains a wallet on another chain and offers to switch", async () => {
    const error = await sendErrorFor(new RpcError(-32603, "unused"), 1);
    expect(describeError(error, context)).toEqual({
      title: "Wrong network",
      detail: "Your wallet is on a different network. Switch it to Anvil (local) to continue.",
      action: { kind: "switch-network", label: "Switch to Anvil (local)" },
    });
  });

  it("explains an RPC node that cannot be reached, naming it", async () => {
    // Port 9 (discard) is closed on loopback: a real connection failure, no network needed.
    const unreachable = "http://127.0.0.1:9/";
    const client = createPublicClient({ chain, transport: http(unreachable, { retryCount: 0 }) });
    const error = await client.getBlockNumber().catch((caught: unknown) => caught);
    const description = describeError(error, context);
    expect(description.title).toBe("Can't reach the network");
    expect(description.detail).toContain(unreachable);
    expect(description.action).toEqual({ kind: "retry", label: "Try again" });
  });

  it("explains a browser without a wallet extension", () => {
    expect(describeError(new ProviderNotFoundError()).title).toBe("No browser wallet found");
  });
});

describe("describeError: reverts", () => {
  it("turns a custom error decoded by the call's ABI into a sentence with prices per whole token", async () => {
    // On chain a price is USD (1e30) per smallest unit: $3,012.45 per ETH is 3012.45e30 / 1e18 per wei.
    const data = encodeErrorResult({
      abi: routerAbi,
      errorName: "AcceptablePriceNotMet",
      args: [301_245n * 10n ** 10n, 3_000n * 10n ** 12n],
    });
    expect(describeError(await revertErrorFor(data), context)).toEqual({
      title: "Price moved past your limit",
      detail:
        "The order would execute at $3,012.45, beyond your acceptable price of $3,000.00. Nothing was traded.",
      action: { kind: "retry", label: "Try again with more slippage" },
    });
    const { market: _unknownMarket, ...withoutMarket } = context;
    expect(describeError(await revertErrorFor(data), withoutMarket).detail).toBe(
      "The execution price moved beyond your acceptable price. Nothing was traded.",
    );
  });

  it("decodes registered errors that the call's ABI did not declare", async () => {
    const data = encodeErrorResult({
      abi: registryOnlyErrors,
      errorName: "PositionTooSmall",
      args: [ONE_USD * 5n, ONE_USD * 10n],
    });
    expect(describeError(await revertErrorFor(data), context)).toEqual({
      title: "Position too small",
      detail: "A position of $5.00 is below this market's minimum of $10.00. Increase the size.",
    });
  });

  it("prints token amounts with the configured symbol and decimals", async () => {
    const usdc = ethMarket.shortToken.address;
    const data = encodeErrorResult({
      abi: registryOnlyErrors,
      errorName: "ERC20InsufficientBalance",
      args: [trader, parseUnits("1500.5", 6), parseUnits("2000", 6)],
    });
    expect(describeError(await revertErrorFor(data), { ...context, token: usdc }).detail).toBe(
      "This needs 2,000 USDC but 0xf39F…2266 holds 1,500.5 USDC.",
    );
    expect(describeError(await revertErrorFor(data), context).detail).toBe(
      "0xf39F…2266 holds 1500500000 token units but this needs 2000000000.",
    );
  });

  it("explains expired requests with their time", async () => {
    const expired = encodeErrorResult({
      abi: registryOnlyErrors,
      errorName: "RequestExpired",
      args: [42n, 1_793_541_785n],
    });
    expect(describeError(await revertErrorFor(expired), context).detail).toBe(
      "Request #42 expired at 2026-11-01 14:03:05 UTC before a keeper executed it, so nothing happened. You can submit it again.",
    );
  });

  it("prints negative USD values and market names", async () => {
    const collateral = encodeErrorResult({
      abi: registryOnlyErrors,
      errorName: "InsufficientCollateral",
      args: [-(ONE_USD * 12n), ONE_USD * 50n],
    });
    expect(describeError(await revertErrorFor(collateral), context).detail).toBe(
      "After fees and price impact the position would keep -$12.00 of collateral, but it needs at least $50.00. Add collateral or reduce the leverage.",
    );
    const paused = encodeErrorResult({
      abi: registryOnlyErrors,
      errorName: "MarketPaused",
      args: [ethMarket.address],
    });
    expect(describeError(await revertErrorFor(paused), context).detail).toBe(
      "Deposits and new positions in ETH/USD are paused for now. Withdrawals, closing and open positions are not affected.",
    );
  });

  it("names an unregistered custom error with its decoded arguments", async () => {
    const data = encodeErrorResult({ abi: routerAbi, errorName: "VaultPaused", args: [12n, trader] });
    expect(describeError(await revertErrorFor(data), context)).toEqual({
      title: "The contract refused the transaction",
      detail: `It stopped with the error VaultPaused(12, ${trader}).`,
    });
  });

  it("never shows raw bytes for an error nobody can decode", async () => {
    const data = "0xdeadbeef0000000000000000000000000000000000000000000000000000000000000001";
    const description = describeError(await revertErrorFor(data), context);
    expect(description.title).toBe("The contract refused the transaction");
    expect(description.detail).toBe("It stopped with an error this app does not know yet (code 0xdeadbeef).");
  });

  it("shows a require() reason and explains panics", async () => {
    const reasonData = encodeErrorResult({
      abi: parseAbi(["error Error(string)"]),
      errorName: "Error",
      args: ["market disabled"],
    });
    expect(describeError(await revertErrorFor(reasonData), context).detail).toBe(
      'It gave this reason: "market disabled".',
    );
    const panicData = encodeErrorResult({
      abi: parseAbi(["error Panic(uint256)"]),
      errorName: "Panic",
      args: [0x11n],
    });
    const panic = describeError(await revertErrorFor(panicData), context);
    expect(panic.title).toBe("The contract hit an internal error");
    expect(panic.detail).toMatch(/overflow/);
  });

  it("explains a revert without data", async () => {
    const description = describeError(await revertErrorFor("0x"), context);
    expect(description).toEqual({
      title: "The contract refused the transaction",
      detail: "It reverted without giving a reason. Nothing was executed.",
    });
  });
});

describe("describeError: anything else", () => {
  it("uses the first line of an ordinary error", () => {
    expect(describeError(new Error("Order form state is invalid\n    at stack"))).toEqual({
      title: "Something went wrong",
      detail: "Order form state is invalid",
      action: { kind: "retry", label: "Try again" },
    });
  });

  it("copes with thrown strings, null and cyclic causes", () => {
    expect(describeError("plain text").detail).toBe("plain text");
    expect(describeError(null).detail).toBe("An unexpected error occurred.");
    expect(describeError(undefined).detail).toBe("An unexpected error occurred.");
    const cyclic: { message: string; cause?: unknown } = { message: "loop" };
    cyclic.cause = cyclic;
    expect(describeError(cyclic).detail).toBe("loop");
  });

  it("keeps calldata of the failing call out of the message", async () => {
    const data = encodeFunctionData({ abi: routerAbi, functionName: "createOrder", args: [1n] });
    const description = describeError(await revertErrorFor("0x"), context);
    expect(JSON.stringify(description)).not.toContain(data.slice(2, 20));
  });
});
