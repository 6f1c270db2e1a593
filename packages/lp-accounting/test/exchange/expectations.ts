import type { Address } from "viem";
import { type ActionRecord, unitPrice } from "./driver.js";

/**
 * Expected pool-level figures computed straight from the decoded receipts and the prices the driver
 * executed at, independently of the code under test. Valid for a history that ends with no open
 * position (pending borrowing, funding and traders' unrealized PnL are then zero at both ends).
 */
export interface ExpectedPoolFigures {
  readonly positionFees: bigint;
  readonly borrowingFees: bigint;
  readonly funding: bigint;
  readonly priceImpact: bigint;
  readonly traderPnl: bigint;
  readonly insuranceCoverage: bigint;
  readonly badDebt: bigint;
  readonly priceMoves: bigint;
  /** Deposits minus withdrawals at the execution prices. */
  readonly flows: bigint;
  /** Liquidity fees the exchange reported (income of the LPs already in the pool). */
  readonly liquidityFeesCharged: bigint;
}

const USDC_UNIT_PRICE = unitPrice("1", 6);

/**
 * Sums the receipts. All positions in the scripted histories use USDC collateral and the insurance
 * fund stays below its target, so every fee share and liquidation protocol share goes to the fund
 * in USDC (1 USDC unit = 1e24 USD units).
 */
export function expectedPoolFigures(actions: readonly ActionRecord[]): ExpectedPoolFigures {
  let positionFees = 0n;
  let borrowingFees = 0n;
  let funding = 0n;
  let priceImpact = 0n;
  let traderPnl = 0n;
  let insuranceCoverage = 0n;
  let badDebt = 0n;
  let priceMoves = 0n;
  let flows = 0n;
  let liquidityFeesCharged = 0n;
  let longAmount = 0n;
  let acceptedEthPrice: bigint | null = null;
  for (const action of actions) {
    const wethPrice = unitPrice(action.ethPrice, 18);
    const executes = action.exchangeEvents.some((e) => e.eventName === "PoolStateUpdated");
    // A new price reaches the accounting before the execution acts (PriceAccepted precedes it).
    if (executes && action.label.match(/^(deposit|withdrawal|increase|decrease|liquidation)/)) {
      if (acceptedEthPrice !== null && acceptedEthPrice !== wethPrice) {
        priceMoves += longAmount * (wethPrice - acceptedEthPrice);
      }
      acceptedEthPrice = wethPrice;
    }
    for (const event of action.exchangeEvents) {
      switch (event.eventName) {
        case "DepositExecuted":
          flows += event.args.longTokenAmount * wethPrice + event.args.shortTokenAmount * USDC_UNIT_PRICE;
          liquidityFeesCharged += event.args.feeUsd;
          break;
        case "WithdrawalExecuted":
          flows -= event.args.longTokenAmount * wethPrice + event.args.shortTokenAmount * USDC_UNIT_PRICE;
          liquidityFeesCharged += event.args.feeUsd;
          break;
        case "PositionIncreased":
          positionFees += event.args.amounts.positionFeeUsd;
          borrowingFees += event.args.amounts.borrowingFeeUsd;
          funding += event.args.amounts.fundingFeeUsd;
          priceImpact -= event.args.amounts.priceImpactUsd;
          traderPnl += event.args.amounts.priceImpactUsd;
          break;
        case "PositionDecreased":
          positionFees += event.args.amounts.positionFeeUsd;
          borrowingFees += event.args.amounts.borrowingFeeUsd;
          funding += event.args.amounts.fundingFeeUsd;
          priceImpact -= event.args.amounts.priceImpactUsd;
          traderPnl -= event.args.amounts.realizedPnlUsd;
          break;
        case "FeesCollected": {
          const protocolShare = event.args.liquidationFeeAmount - event.args.toLiquidatorAmount;
          positionFees -= (event.args.toInsuranceAmount - protocolShare) * USDC_UNIT_PRICE;
          break;
        }
        case "ShortfallRecorded":
          insuranceCoverage += event.args.coveredByInsuranceUsd;
          badDebt -= event.args.shortfallUsd;
          break;
        case "PoolStateUpdated":
          longAmount = event.args.balances.longAmount;
          break;
      }
    }
  }
  return {
    positionFees,
    borrowingFees,
    funding,
    priceImpact,
    traderPnl,
    insuranceCoverage,
    badDebt,
    priceMoves,
    flows,
    liquidityFeesCharged,
  };
}

/** An LP's HODL basket and average cost, replayed from its deposits, withdrawals and transfers. */
export interface ExpectedLpBook {
  hodlLong: bigint;
  hodlShort: bigint;
  shares: bigint;
  costBasis: bigint;
  realized: bigint;
  flows: bigint;
}

/** A fresh book. */
export function emptyBook(): ExpectedLpBook {
  return { hodlLong: 0n, hodlShort: 0n, shares: 0n, costBasis: 0n, realized: 0n, flows: 0n };
}

/** Deposit of `long`/`short` tokens worth `valueUsd` for `shares`. */
export function bookDeposit(
  book: ExpectedLpBook,
  long: bigint,
  short: bigint,
  shares: bigint,
  valueUsd: bigint,
): void {
  book.hodlLong += long;
  book.hodlShort += short;
  book.shares += shares;
  book.costBasis += valueUsd;
  book.flows += valueUsd;
}

/** Shares leaving (withdrawn for `proceedsUsd`, or sent away worth `proceedsUsd`); returns the HODL slice. */
export function bookDispose(
  book: ExpectedLpBook,
  shares: bigint,
  proceedsUsd: bigint,
): { long: bigint; short: bigint } {
  const cost = (book.costBasis * shares) / book.shares;
  const long = (book.hodlLong * shares) / book.shares;
  const short = (book.hodlShort * shares) / book.shares;
  book.hodlLong -= long;
  book.hodlShort -= short;
  book.costBasis -= cost;
  book.realized += proceedsUsd - cost;
  book.flows -= proceedsUsd;
  book.shares -= shares;
  return { long, short };
}

/** Shares received worth `valueUsd`, with the sender's HODL slice. */
export function bookReceive(
  book: ExpectedLpBook,
  shares: bigint,
  valueUsd: bigint,
  slice: { long: bigint; short: bigint },
): void {
  book.hodlLong += slice.long;
  book.hodlShort += slice.short;
  book.shares += shares;
  book.costBasis += valueUsd;
  book.flows += valueUsd;
}

/** `a` and `b` differ by at most `tolerance`. */
export function within(a: bigint, b: bigint, tolerance: bigint): boolean {
  return (a > b ? a - b : b - a) <= tolerance;
}

/** Lowercase address key. */
export function key(address: Address): string {
  return address.toLowerCase();
}
