import type { bastionErrorsAbi } from "@bastion/contracts";
import { type ContractErrorArgs, type ContractErrorName, hexToString, trim } from "viem";
import { shortenAddress } from "../format/formatAddress";
import { formatFactor } from "../format/formatFactor";
import { formatUnixSeconds } from "../format/formatTimestamp";
import { formatTokenAmount } from "../format/formatTokenAmount";
import { formatUsd } from "../format/formatUsd";
import type { ErrorContext, ErrorDescription } from "./ErrorDescription";
import { feedText, indexPriceText, marketText, tokenAmountText, tokenText } from "./errorArgumentText";

type BastionErrorsAbi = typeof bastionErrorsAbi;

/** Every custom error the exchange, its oracle, Pyth, OpenZeppelin and the tokens can raise. */
export type BastionErrorName = ContractErrorName<BastionErrorsAbi>;

type Describe<N extends BastionErrorName> = (
  args: ContractErrorArgs<BastionErrorsAbi, N>,
  context: ErrorContext,
) => ErrorDescription;

/** One sentence per error of `bastionErrorsAbi`; the type makes a missing one a compile error. */
export type BastionErrorSentences = { readonly [N in BastionErrorName]: Describe<N> };

const RETRY = { kind: "retry", label: "Try again" } as const;

const eth = (wei: bigint) => formatTokenAmount(wei, 18, { symbol: "ETH" });
const position = (key: string) => `position ${shortenAddress(key)}`;
const at = (seconds: bigint) => formatUnixSeconds(seconds);

/** A bytes32 parameter name ("maxLeverage") or its short hex. */
function parameterName(value: `0x${string}`): string {
  try {
    const text = hexToString(trim(value, { dir: "right" }));
    return /^[\x20-\x7e]+$/.test(text) ? text : shortenAddress(value);
  } catch {
    return shortenAddress(value);
  }
}

/** A pair of index prices, or a generic phrase when the market (and so the price scale) is unknown. */
function priceVersus(context: ErrorContext, price: bigint, bound: bigint, words: [string, string]): string {
  const priceText = indexPriceText(context, price);
  const boundText = indexPriceText(context, bound);
  if (priceText === undefined || boundText === undefined) return words[1];
  return `${words[0]} ${priceText} against ${boundText}.`;
}

const internal = (what: string): ErrorDescription => ({
  title: "The exchange hit an internal limit",
  detail: `${what} Nothing was changed. Try a smaller amount, or tell the operators if it keeps happening.`,
});

const oracleUpdate = (what: string): ErrorDescription => ({
  title: "The price update was refused",
  detail: `${what} Nothing was executed; a keeper will retry with a fresh price.`,
  action: RETRY,
});

const adminOnly = (what: string): ErrorDescription => ({
  title: "Only the operators can do this",
  detail: what,
});

export const bastionErrorSentences: BastionErrorSentences = {
  // --- trading and requests -----------------------------------------------------------------------
  AcceptablePriceNotMet: ([executionPrice, acceptablePrice], context) => ({
    title: "Price moved past your limit",
    detail:
      indexPriceText(context, executionPrice) === undefined
        ? "The execution price moved beyond your acceptable price. Nothing was traded."
        : `The order would execute at ${indexPriceText(context, executionPrice)}, beyond your acceptable price of ${indexPriceText(context, acceptablePrice)}. Nothing was traded.`,
    action: { kind: "retry", label: "Try again with more slippage" },
  }),
  TriggerPriceNotReached: ([price, triggerPrice], context) => ({
    title: "Trigger price not reached yet",
    detail: `${priceVersus(context, price, triggerPrice, ["The price is", "The price has not reached your trigger yet."])} The order stays pending until it does.`,
  }),
  RequestExpired: ([id, expiredAt]) => ({
    title: "Request expired",
    detail: `Request #${id} expired at ${at(expiredAt)} before a keeper executed it, so nothing happened. You can submit it again.`,
    action: { kind: "retry", label: "Submit again" },
  }),
  RequestNotFound: ([id]) => ({
    title: "Request already handled",
    detail: `Request #${id} is no longer pending: it was executed or cancelled already.`,
  }),
  RequestNotCancellableYet: ([id, cancellableAt]) => ({
    title: "Too early to cancel",
    detail: `Request #${id} can be cancelled from ${at(cancellableAt)}, to give keepers time to execute it.`,
  }),
  NotRequestOwner: ([id, owner]) => ({
    title: "Not your request",
    detail: `Request #${id} belongs to ${shortenAddress(owner)}; only its owner can cancel it before it expires.`,
  }),
  InsufficientExecutionFee: ([provided, required]) => ({
    title: "Execution fee too low",
    detail: `The keeper fee sent was ${eth(provided)}; it must be at least ${eth(required)}.`,
    action: RETRY,
  }),
  EmptyDeposit: () => ({
    title: "Nothing to deposit",
    detail: "Enter an amount of at least one of the pool's tokens.",
  }),
  ZeroShares: () => ({
    title: "Amount too small",
    detail: "This would mint or burn zero pool shares. Use a larger amount.",
  }),
  ZeroSizeDelta: () => ({
    title: "Nothing to change",
    detail: "The order changes neither the position's size nor its collateral. Enter a size or an amount.",
  }),
  ZeroCollateral: () => ({
    title: "Collateral needed",
    detail: "A position needs some collateral. Enter a collateral amount.",
  }),
  InvalidCollateralToken: ([market, token], context) => ({
    title: "Collateral not accepted",
    detail: `${tokenText(context, token)} is not one of ${marketText(context, market)}'s pool tokens. Use the pool's long or short token.`,
  }),
  InvalidOrder: ([orderType]) => ({
    title: "Order is incomplete",
    detail:
      orderType === 0 || orderType === 1
        ? "A market order takes no trigger price but needs an acceptable price. Check the order's prices."
        : "A limit, take-profit or stop-loss order needs a trigger price and an acceptable price.",
  }),
  TokenTransferMismatch: ([token, expected, received], context) => ({
    title: "Token not supported",
    detail: `${tokenText(context, token)} delivered ${tokenAmountText(context, token, received)} instead of ${tokenAmountText(context, token, expected)}. Tokens that take a fee on transfer cannot be used.`,
  }),
  PositionNotFound: ([key]) => ({
    title: "Position not found",
    detail: `There is no open ${position(key)}: it was closed or liquidated already.`,
  }),
  PositionTooSmall: ([sizeUsd, minSizeUsd]) => ({
    title: "Position too small",
    detail: `A position of ${formatUsd(sizeUsd)} is below this market's minimum of ${formatUsd(minSizeUsd)}. Increase the size.`,
  }),
  InsufficientCollateral: ([remainingUsd, requiredUsd]) => ({
    title: "Not enough collateral",
    detail: `After fees and price impact the position would keep ${formatUsd(remainingUsd)} of collateral, but it needs at least ${formatUsd(requiredUsd)}. Add collateral or reduce the leverage.`,
  }),
  CollateralWithdrawalTooLarge: ([requested, available]) => ({
    title: "Withdrawal too large",
    detail: `You asked to withdraw ${requested} units of collateral but only ${available} can leave while keeping the position safe. Withdraw less.`,
  }),
  MaxOpenInterestExceeded: ([openInterestUsd, maxUsd]) => ({
    title: "Market is full on this side",
    detail: `Open interest would reach ${formatUsd(openInterestUsd)}, above this side's cap of ${formatUsd(maxUsd)}. Try a smaller size.`,
  }),
  ReserveExceeded: ([reservedUsd, maxReservedUsd]) => ({
    title: "Not enough pool liquidity for this size",
    detail: `Positions would reserve ${formatUsd(reservedUsd)} of the pool, above the ${formatUsd(maxReservedUsd)} it can back. Try a smaller size.`,
  }),
  InsufficientPoolLiquidity: ([token, requested, available], context) => ({
    title: "Not enough liquidity in the pool",
    detail: `This needs ${tokenAmountText(context, token, requested)} but the pool can only provide ${tokenAmountText(context, token, available)} right now. Try a smaller amount.`,
  }),
  MarketPaused: ([market], context) => ({
    title: "Market paused",
    detail: `Deposits and new positions in ${marketText(context, market)} are paused for now. Withdrawals, closing and open positions are not affected.`,
  }),
  MarketNotFound: ([market], context) => ({
    title: "Unknown market",
    detail: `${marketText(context, market)} is not a market of this exchange. Check config.json.`,
  }),

  // --- liquidity ----------------------------------------------------------------------------------
  MinSharesNotMet: ([shares, minShares]) => ({
    title: "Fewer shares than your minimum",
    detail: `The deposit would mint ${formatTokenAmount(shares, 18)} shares, below your minimum of ${formatTokenAmount(minShares, 18)}. Your tokens were not taken.`,
    action: RETRY,
  }),
  MinTokensNotMet: ([longAmount, minLong, shortAmount, minShort]) => ({
    title: "Fewer tokens than your minimum",
    detail: `The withdrawal would pay ${longAmount} and ${shortAmount} token units, below your minimums of ${minLong} and ${minShort}. Your shares were not taken.`,
    action: RETRY,
  }),
  PoolValueNotPositive: ([market, poolValueUsd], context) => ({
    title: "Pool is insolvent",
    detail: `The ${marketText(context, market)} pool's value is ${formatUsd(poolValueUsd)}, so shares cannot be priced. Deposits are refused until it recovers.`,
  }),
  PnlFactorExceededForWithdrawals: ([isLong, pnlToPoolFactor, maxFactor]) => ({
    title: "Withdrawals paused by trader profits",
    detail: `${isLong ? "Long" : "Short"} traders' profit is ${formatFactor(pnlToPoolFactor)} of the pool, above the ${formatFactor(maxFactor)} that allows withdrawals. Try again once it falls.`,
  }),

  // --- liquidation and ADL ------------------------------------------------------------------------
  PositionNotLiquidatable: ([key, remainingUsd, maintenanceUsd]) => ({
    title: "Position is not liquidatable",
    detail: `${position(key)} keeps ${formatUsd(remainingUsd)} of collateral, at or above its maintenance margin of ${formatUsd(maintenanceUsd)}.`,
  }),
  EmptyLiquidationBatch: () => ({
    title: "No positions to liquidate",
    detail: "The liquidation batch listed no positions.",
  }),
  AdlNotTriggered: ([market, isLong, factor, triggerFactor], context) => ({
    title: "Auto-deleveraging not needed",
    detail: `${isLong ? "Long" : "Short"} profit in ${marketText(context, market)} is ${formatFactor(factor)} of the pool, not above the ${formatFactor(triggerFactor)} trigger.`,
  }),
  PositionNotInProfit: ([key, pnlUsd]) => ({
    title: "Position not in profit",
    detail: `${position(key)} has a PnL of ${formatUsd(pnlUsd)}; only profitable positions are auto-deleveraged.`,
  }),
  ImpactExceedsSize: ([sizeDeltaUsd, priceImpactUsd]) => ({
    title: "Price impact too large",
    detail: `A ${formatUsd(sizeDeltaUsd)} trade would pay ${formatUsd(priceImpactUsd < 0n ? -priceImpactUsd : priceImpactUsd)} of price impact, more than its size. Trade a smaller size.`,
  }),

  // --- claims -------------------------------------------------------------------------------------
  NothingToClaim: () => ({
    title: "Nothing to claim",
    detail: "There is nothing owed to this account right now.",
  }),
  ClaimTransferFailed: ([token, account, amount], context) => ({
    title: "Claim could not be paid",
    detail: `Sending ${tokenAmountText(context, token, amount)} to ${shortenAddress(account)} failed. It stays claimable; check the receiving address can accept it.`,
    action: RETRY,
  }),

  // --- execution (keepers) ------------------------------------------------------------------------
  InsufficientOracleFee: ([provided, required]) =>
    oracleUpdate(`The keeper paid ${eth(provided)} for the price update; Pyth charges ${eth(required)}.`),
  InsufficientExecutionGas: ([gasLeft, required]) => ({
    title: "Not enough gas to execute",
    detail: `The execution had ${gasLeft} gas left but needs ${required}. A keeper will retry with more gas; your request stays pending.`,
  }),
  ExecutionOutOfGas: ([id]) => ({
    title: "Execution ran out of gas",
    detail: `Executing request #${id} ran out of gas, so nothing changed. A keeper will retry with more gas.`,
  }),
  OnlySelf: () => internal("An internal step of the exchange was called from outside."),

  // --- configuration (operators) ------------------------------------------------------------------
  InvalidMarketTokens: ([indexToken, longToken, shortToken], context) =>
    adminOnly(
      `A market cannot use ${tokenText(context, indexToken)}, ${tokenText(context, longToken)} and ${tokenText(context, shortToken)} (the pool tokens must differ).`,
    ),
  ParameterOutOfBounds: ([parameter, value, min, max]) =>
    adminOnly(`${parameterName(parameter)} = ${value} is outside its allowed range ${min}..${max}.`),
  MaintenanceMarginNotBelowOpening: ([maintenance, minCollateral]) =>
    adminOnly(
      `The maintenance margin (${formatFactor(maintenance)}) must stay below the opening requirement (${formatFactor(minCollateral)}).`,
    ),
  MaintenanceMarginStepTooLarge: ([current, proposed, maxStep]) =>
    adminOnly(
      `The maintenance margin may move by at most ${formatFactor(maxStep)} at a time, not from ${formatFactor(current)} to ${formatFactor(proposed)}.`,
    ),
  MaintenanceMarginUpdateTooSoon: ([nextUpdateAt]) =>
    adminOnly(`The maintenance margin can change again from ${at(nextUpdateAt)}.`),
  AccessControlBadConfirmation: () => adminOnly("A role can only be renounced by the account holding it."),
  AccessControlUnauthorizedAccount: ([account]) =>
    adminOnly(`${shortenAddress(account)} does not hold the role this action needs.`),
  OnlyExchange: ([caller]) =>
    adminOnly(`Only the exchange may move a pool's funds; ${shortenAddress(caller)} tried to.`),
  InvalidFeedConfig: ([token, feedId], context) =>
    adminOnly(
      `${feedText(context, feedId)} cannot price ${tokenText(context, token)} with that exponent and decimals.`,
    ),
  InvalidOracleSettings: () => adminOnly("These oracle settings are outside their allowed ranges."),
  ReentrancyGuardReentrantCall: () => internal("A call tried to re-enter the exchange."),

  // --- oracle -------------------------------------------------------------------------------------
  ConfidenceTooWide: ([feedId, conf, price, maxFactor], context) =>
    oracleUpdate(
      `The price of ${feedText(context, feedId)} is too uncertain right now (confidence ${price > 0n ? formatFactor((BigInt(conf) * 10n ** 30n) / BigInt(price)) : "unknown"} of the price, at most ${formatFactor(maxFactor)} allowed).`,
    ),
  ExponentOutOfRange: ([expo, tokenDecimals]) =>
    oracleUpdate(`A price with exponent ${expo} cannot be scaled to a token with ${tokenDecimals} decimals.`),
  FeedNotConfigured: ([token], context) =>
    oracleUpdate(`No price feed is configured for ${tokenText(context, token)}.`),
  FuturePrice: ([feedId, publishTime, maxPublishTime], context) =>
    oracleUpdate(
      `The price of ${feedText(context, feedId)} is stamped ${at(publishTime)}, later than the latest accepted time ${at(maxPublishTime)}.`,
    ),
  InvalidPublishWindow: ([minTime, maxTime]) =>
    oracleUpdate(`The price window ${at(minTime)} to ${at(maxTime)} is empty.`),
  NonPositivePrice: ([feedId, price], context) =>
    oracleUpdate(`${feedText(context, feedId)} reported a price of ${price}, which is not positive.`),
  UnexpectedExponent: ([feedId, expo, expectedExpo], context) =>
    oracleUpdate(`${feedText(context, feedId)} sent exponent ${expo}; the exchange expects ${expectedExpo}.`),
  PriceFeedNotFoundWithinRange: () =>
    oracleUpdate(
      "The price update has no price published inside the request's window (after it was created and before it expires).",
    ),
  PriceFeedNotFound: () => oracleUpdate("The price update does not contain a price this market needs."),
  StalePrice: () => oracleUpdate("The price is too old to be used."),
  NoFreshUpdate: () => oracleUpdate("The price update is not newer than the price already on chain."),
  InsufficientFee: () => oracleUpdate("The Pyth update fee was not paid in full."),
  InvalidUpdateData: () => oracleUpdate("The price update data is malformed."),
  InvalidUpdateDataSource: () => oracleUpdate("The price update does not come from a trusted Pyth source."),
  InvalidWormholeVaa: () => oracleUpdate("The price update's Wormhole signature is invalid."),
  InvalidTwapUpdateData: () => oracleUpdate("The time-weighted price update is malformed."),
  InvalidTwapUpdateDataSet: () => oracleUpdate("The time-weighted price updates do not match each other."),
  InvalidArgument: () => oracleUpdate("Pyth refused an argument of the price request."),
  InvalidInputExpo: () => oracleUpdate("Pyth refused the price exponent."),
  NegativeInputPrice: () => oracleUpdate("Pyth refused a negative price."),
  CombinedPriceOverflow: () => oracleUpdate("Combining two Pyth prices overflowed."),
  ExponentOverflow: () => oracleUpdate("Scaling a Pyth price overflowed."),
  InvalidGovernanceDataSource: () => adminOnly("Pyth refused a governance message from an unknown source."),
  InvalidGovernanceMessage: () => adminOnly("Pyth refused a malformed governance message."),
  InvalidGovernanceTarget: () => adminOnly("Pyth refused a governance message meant for another chain."),
  InvalidWormholeAddressToSet: () => adminOnly("Pyth refused a new Wormhole address."),
  OldGovernanceMessage: () => adminOnly("Pyth refused a governance message it has already applied."),

  // --- tokens -------------------------------------------------------------------------------------
  ERC20InsufficientBalance: ([sender, balance, needed], context) => ({
    title: "Not enough balance",
    detail:
      context.token === undefined
        ? `${shortenAddress(sender)} holds ${balance} token units but this needs ${needed}.`
        : `This needs ${tokenAmountText(context, context.token, needed)} but ${shortenAddress(sender)} holds ${tokenAmountText(context, context.token, balance)}.`,
  }),
  ERC20InsufficientAllowance: ([spender, allowance, needed], context) => ({
    title: "Approval needed",
    detail:
      context.token === undefined
        ? `The exchange (${shortenAddress(spender)}) may spend ${allowance} token units but needs ${needed}. Approve the token, then try again.`
        : `The exchange may spend ${tokenAmountText(context, context.token, allowance)} but needs ${tokenAmountText(context, context.token, needed)}. Approve the token, then try again.`,
    action: RETRY,
  }),
  ERC20InvalidApprover: ([approver]) => ({
    title: "Approval refused",
    detail: `${shortenAddress(approver)} cannot approve spending.`,
  }),
  ERC20InvalidReceiver: ([receiver]) => ({
    title: "Transfer refused",
    detail: `Tokens cannot be sent to ${shortenAddress(receiver)}.`,
  }),
  ERC20InvalidSender: ([sender]) => ({
    title: "Transfer refused",
    detail: `Tokens cannot be sent from ${shortenAddress(sender)}.`,
  }),
  ERC20InvalidSpender: ([spender]) => ({
    title: "Approval refused",
    detail: `${shortenAddress(spender)} cannot be approved as a spender.`,
  }),
  SafeERC20FailedOperation: ([token], context) => ({
    title: "Token transfer failed",
    detail: `${tokenText(context, token)} refused the transfer. Check your balance and approval.`,
    action: RETRY,
  }),
  SafeERC20FailedDecreaseAllowance: ([spender, current, decrease]) => ({
    title: "Approval change refused",
    detail: `The allowance of ${shortenAddress(spender)} is ${current}, less than the ${decrease} to remove.`,
  }),

  // --- arithmetic ---------------------------------------------------------------------------------
  SafeCastOverflowedIntDowncast: ([bits]) => internal(`A value did not fit in ${bits} bits.`),
  SafeCastOverflowedIntToUint: () => internal("A negative value appeared where only positive ones can."),
  SafeCastOverflowedUintDowncast: ([bits]) => internal(`A value did not fit in ${bits} bits.`),
  SafeCastOverflowedUintToInt: () => internal("A value was too large to be signed."),
};
