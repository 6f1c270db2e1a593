import { decodeErrorResult, type Hex } from "viem";
import { formatTokenPriceUsd } from "../format/formatPriceUsd";
import { formatUnixSeconds } from "../format/formatTimestamp";
import { formatTokenAmount } from "../format/formatTokenAmount";
import { formatUsd } from "../format/formatUsd";
import { type AbiError, type CustomErrorEntry, defineCustomError } from "./defineCustomError";
import { marketText, tokenAmountText } from "./errorArgumentText";

/**
 * Sentences for the contracts' custom errors. Signatures follow the draft
 * contracts/src/interfaces/IExchangeErrors.sol (units: USD with 30 decimals; prices are USD with
 * 30 decimals per smallest token unit; token amounts in smallest units). When an interface
 * changes, correct the entry here: a signature that no longer matches simply stops matching the
 * revert data, and the error is then shown by name with its arguments.
 */
export const customErrorRegistry: readonly CustomErrorEntry[] = [
  defineCustomError(
    // Example for token balance checks (no Bastion contract declares it yet).
    "error InsufficientBalance(address token, uint256 balance, uint256 required)",
    ([token, balance, required], context) => ({
      title: "Not enough balance",
      detail: `This needs ${tokenAmountText(context, token, required)} but the account holds ${tokenAmountText(context, token, balance)}.`,
    }),
  ),
  defineCustomError(
    "error AcceptablePriceNotMet(uint256 executionPrice, uint256 acceptablePrice)",
    ([executionPrice, acceptablePrice], { market }) => ({
      title: "Price moved past your limit",
      detail:
        market === undefined
          ? "The execution price moved beyond your acceptable price. Nothing was traded."
          : `The order would execute at ${formatTokenPriceUsd(executionPrice, market.indexToken.decimals)}, beyond your acceptable price of ${formatTokenPriceUsd(acceptablePrice, market.indexToken.decimals)}. Nothing was traded.`,
      action: { kind: "retry", label: "Try again with more slippage" },
    }),
  ),
  defineCustomError("error RequestExpired(uint256 id, uint256 expiredAt)", ([id, expiredAt]) => ({
    title: "Request expired",
    detail: `Request #${id} expired at ${formatUnixSeconds(expiredAt)} before a keeper executed it, so nothing happened. You can submit it again.`,
    action: { kind: "retry", label: "Submit again" },
  })),
  defineCustomError(
    "error PositionTooSmall(uint256 sizeUsd, uint256 minPositionSizeUsd)",
    ([sizeUsd, minSizeUsd]) => ({
      title: "Position too small",
      detail: `A position of ${formatUsd(sizeUsd)} is below this market's minimum of ${formatUsd(minSizeUsd)}. Increase the size.`,
    }),
  ),
  defineCustomError(
    "error InsufficientCollateral(int256 remainingCollateralUsd, uint256 requiredUsd)",
    ([remainingUsd, requiredUsd]) => ({
      title: "Not enough collateral",
      detail: `After fees and price impact the position would keep ${formatUsd(remainingUsd)} of collateral, but it needs at least ${formatUsd(requiredUsd)}. Add collateral or reduce the leverage.`,
    }),
  ),
  defineCustomError(
    "error InsufficientExecutionFee(uint256 provided, uint256 required)",
    ([provided, required]) => ({
      title: "Execution fee too low",
      detail: `The keeper fee sent was ${formatTokenAmount(provided, 18, { symbol: "ETH" })}; it must be at least ${formatTokenAmount(required, 18, { symbol: "ETH" })}.`,
      action: { kind: "retry", label: "Try again" },
    }),
  ),
  defineCustomError(
    "error InsufficientPoolLiquidity(address token, uint256 requested, uint256 available)",
    ([token, requested, available], context) => ({
      title: "Not enough liquidity in the pool",
      detail: `This needs ${tokenAmountText(context, token, requested)} but the pool can only provide ${tokenAmountText(context, token, available)} right now. Try a smaller amount.`,
    }),
  ),
  defineCustomError("error MarketPaused(address market)", ([market], context) => ({
    title: "Market paused",
    detail: `Trading in ${marketText(context, market)} is paused for now. Open positions are not affected.`,
  })),
];

/** Every registered error as ABI, so revert data can be decoded even when a call's ABI lacked it. */
export const customErrorsAbi: readonly AbiError[] = customErrorRegistry.map((entry) => entry.abiItem);

export type DecodedCustomError = { entry: CustomErrorEntry; args: readonly unknown[] };

/** Decodes revert data against the registry; undefined when the selector is not registered. */
export function decodeRegisteredError(data: Hex): DecodedCustomError | undefined {
  try {
    const decoded = decodeErrorResult({ abi: customErrorsAbi, data });
    const entry = customErrorRegistry.find((candidate) => candidate.abiItem.name === decoded.errorName);
    return entry === undefined ? undefined : { entry, args: decoded.args ?? [] };
  } catch {
    return undefined;
  }
}
