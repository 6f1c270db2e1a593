import type { Address } from "viem";
import { ModelIntegrityError } from "../errors.js";
import type { DomainEvent, EventPosition } from "../model/domain-events.js";
import type { MarketConfig, MarketPrices, MarketState } from "../model/market-types.js";
import { ShareBook } from "../model/share-book.js";
import { type ActionEvents, emptyActionEvents, isEmptyAction } from "./action-events.js";
import {
  floorDiv,
  LIQUIDITY_FEES_INDEX,
  LP_VECTOR_LENGTH,
  POOL_CATEGORY_COUNT,
  sumVector,
  zeroVector,
} from "./categories.js";
import {
  decomposeAccrual,
  decomposeAction,
  decomposeConfigChange,
  decomposePriceChange,
  type StepDecomposition,
} from "./decompose-step.js";
import {
  finishHolder,
  type HolderChange,
  newLpAccount,
  startHolder,
  type TransferPool,
} from "./holder-update.js";
import { initialState } from "./initial-market-state.js";
import type { LpAccount } from "./lp-account.js";
import { PER_SHARE_SCALE, type PoolStep, type StepKind } from "./pool-step.js";
import type { ShortfallEntry } from "./shortfall-entry.js";
import { exactPrices, poolValueTerms } from "./valuation.js";

type Of<T extends DomainEvent["type"]> = Extract<DomainEvent, { type: T }>;

function actionKind(events: ActionEvents): StepKind {
  if (events.deposits.length > 0) return "deposit";
  if (events.withdrawals.length > 0) return "withdrawal";
  const decrease = events.decreases[0];
  if (decrease !== undefined)
    return decrease.kind === 3 ? "adl" : decrease.kind === 0 ? "decrease" : "liquidation";
  if (events.increases.length > 0) return "increase";
  if (events.cancels.length > 0) return "cancel";
  return "unknown";
}

function sameRateIndices(a: MarketState["rates"], b: MarketState["rates"]): boolean {
  return (
    a.cumulativeBorrowingFactorLong === b.cumulativeBorrowingFactorLong &&
    a.cumulativeBorrowingFactorShort === b.cumulativeBorrowingFactorShort &&
    a.cumulativeFundingPerSizeLong === b.cumulativeFundingPerSizeLong &&
    a.cumulativeFundingPerSizeShort === b.cumulativeFundingPerSizeShort
  );
}

/**
 * One pool's event-sourced history. Fed the market's events in log order, it keeps a step per
 * state change (execution, accrual, price, configuration, share transfer), each valued with the
 * mirror at the accounting prices and split into attribution categories, plus every LP's holding
 * changes and the shortfalls. Queries read it; they never change it.
 */
export class PoolLedger {
  /** The market (pool token) address, as `MarketCreated` spells it. */
  readonly market: Address;
  /** Who owns the shares. */
  readonly shares: ShareBook;
  /** The history; index 0 is the market's creation. */
  readonly steps: PoolStep[] = [];
  /** LPs by lowercase address. */
  readonly accounts = new Map<string, LpAccount>();
  /** Every `ShortfallRecorded`, in order. */
  readonly shortfalls: ShortfallEntry[] = [];
  #state: MarketState;
  /** Index, long and short token, lowercase. */
  readonly #tokenKeys: readonly [string, string, string];
  #tokenPrices: [bigint, bigint, bigint] = [0n, 0n, 0n];
  #pending: ActionEvents = emptyActionEvents();

  /** Starts the history at the market's creation. */
  constructor(created: Of<"MarketCreated">, at: EventPosition) {
    this.market = created.market;
    this.shares = new ShareBook(created.market);
    this.#state = initialState(created, at.timestamp);
    this.#tokenKeys = [
      created.indexToken.toLowerCase(),
      created.longToken.toLowerCase(),
      created.shortToken.toLowerCase(),
    ];
    const prices = this.#marketPrices();
    const terms = poolValueTerms(this.#state, prices);
    this.steps.push({
      index: 0,
      kind: "created",
      blockNumber: at.blockNumber,
      logIndex: at.logIndex,
      timestamp: at.timestamp,
      transactionHash: at.transactionHash,
      state: this.#state,
      prices,
      terms,
      supply: 0n,
      delta: zeroVector(POOL_CATEGORY_COUNT),
      flowUsd: 0n,
      cumulative: zeroVector(POOL_CATEGORY_COUNT),
      cumulativeFlowUsd: 0n,
      perShare: zeroVector(LP_VECTOR_LENGTH),
      hodlLongAmount: 0n,
      hodlShortAmount: 0n,
    });
  }

  /** The market's current state (after the last event applied). */
  get state(): MarketState {
    return this.#state;
  }

  /** The tokens whose prices this pool needs: index, long, short. */
  get tokens(): readonly [Address, Address, Address] {
    return [this.#state.indexToken, this.#state.longToken, this.#state.shortToken];
  }

  /** Whether the pool prices `token` (lowercase). */
  usesToken(token: string): boolean {
    return this.#tokenKeys.includes(token);
  }

  /** The last step. */
  get lastStep(): PoolStep {
    return this.steps[this.steps.length - 1] as PoolStep;
  }

  /** A new accounting price for `token` (lowercase comparison); a price step when it moves the pool. */
  onPrice(token: string, price: bigint, at: EventPosition): void {
    const next: [bigint, bigint, bigint] = [...this.#tokenPrices];
    let changed = false;
    for (let i = 0; i < 3; i++) {
      if (this.#tokenKeys[i] === token && next[i] !== price) {
        next[i] = price;
        changed = true;
      }
    }
    if (!changed) return;
    const pre = this.lastStep.terms;
    this.#tokenPrices = next;
    const post = poolValueTerms(this.#state, this.#marketPrices());
    this.#commit("price", decomposePriceChange(pre, post), this.#state, post, at, false);
  }

  /** `MarketConfigUpdated`. */
  onConfig(config: MarketConfig, at: EventPosition): void {
    const pre = this.lastStep.terms;
    this.#state = { ...this.#state, config };
    const post = poolValueTerms(this.#state, this.#marketPrices());
    this.#commit("config", decomposeConfigChange(pre, post), this.#state, post, at, false);
  }

  /** Events that change state fields outside the pool value: maintenance margin, pause, ADL flags. */
  onStateFlag(
    event: Of<"MaintenanceMarginUpdated"> | Of<"MarketPauseUpdated"> | Of<"AdlStateUpdated">,
    at: EventPosition,
  ): void {
    if (event.type === "MaintenanceMarginUpdated") {
      this.#state = {
        ...this.#state,
        maintenanceMarginFactor: event.newFactor,
        maintenanceMarginUpdatedAt: at.timestamp,
      };
    } else if (event.type === "MarketPauseUpdated") {
      this.#state = { ...this.#state, paused: event.paused };
    } else {
      this.#state = event.isLong
        ? { ...this.#state, adlActiveLong: event.active }
        : { ...this.#state, adlActiveShort: event.active };
    }
  }

  /** A pool token `Transfer`. */
  onTransfer(event: Of<"Transfer">): void {
    this.shares.transfer(event.from, event.to, event.value);
  }

  /** `WithdrawalCreated`: the shares moved into escrow still belong to the LP. */
  onWithdrawalCreated(event: Of<"WithdrawalCreated">): void {
    this.shares.escrow(event.id, event.account, event.shares);
  }

  /** A typed event of an execution: kept until the execution's `PoolStateUpdated`. */
  onExecutionEvent(
    event:
      | Of<"DepositExecuted">
      | Of<"WithdrawalExecuted">
      | Of<"PositionIncreased">
      | Of<"PositionDecreased">
      | Of<"FeesCollected">
      | Of<"ShortfallRecorded">
      | Of<"RequestCancelled">,
    at: EventPosition,
  ): void {
    const pending = this.#pending;
    switch (event.type) {
      case "DepositExecuted":
        pending.deposits.push(event);
        break;
      case "WithdrawalExecuted":
        pending.withdrawals.push(event);
        this.shares.release(event.id);
        break;
      case "PositionIncreased":
        pending.increases.push(event);
        break;
      case "PositionDecreased":
        pending.decreases.push(event);
        break;
      case "FeesCollected":
        pending.fees.push(event);
        break;
      case "RequestCancelled":
        pending.cancels.push(event);
        this.shares.release(event.id);
        break;
      case "ShortfallRecorded":
        pending.shortfalls.push(event);
        this.shortfalls.push({
          market: this.market,
          positionKey: event.positionKey,
          account: event.account,
          indexPrice: event.indexPrice,
          shortfallUsd: event.shortfallUsd,
          coveredByInsuranceUsd: event.coveredByInsuranceUsd,
          absorbedByLpUsd: event.absorbedByLpUsd,
          insuranceLongAmount: event.insuranceLongAmount,
          insuranceShortAmount: event.insuranceShortAmount,
          blockNumber: at.blockNumber,
          timestamp: at.timestamp,
          transactionHash: at.transactionHash,
          logIndex: at.logIndex,
          stepIndex: -1,
          holdersStepIndex: this.lastStep.index,
        });
        break;
    }
  }

  /**
   * `PoolStateUpdated`: the execution's accrual (a step of its own when the rate indices moved),
   * then the execution itself, with the typed events collected since the last one.
   *
   * @throws {ModelIntegrityError} when the pool token's transfers do not add up to the reported supply.
   */
  onPoolState(event: Of<"PoolStateUpdated">, at: EventPosition): void {
    if (this.shares.totalSupply !== event.totalSupply) {
      throw new ModelIntegrityError(
        `pool ${this.market} at block ${at.blockNumber} (log ${at.logIndex}): the pool token's Transfer events add up to ` +
          `${this.shares.totalSupply} shares but the exchange reports a total supply of ${event.totalSupply}; ` +
          "were the pool token's logs indexed from the market's creation?",
      );
    }
    const prices = this.#marketPrices();
    const previous = this.#state;
    if (!sameRateIndices(previous.rates, event.rates)) {
      const accrued: MarketState = {
        ...previous,
        rates: {
          ...previous.rates,
          cumulativeBorrowingFactorLong: event.rates.cumulativeBorrowingFactorLong,
          cumulativeBorrowingFactorShort: event.rates.cumulativeBorrowingFactorShort,
          cumulativeFundingPerSizeLong: event.rates.cumulativeFundingPerSizeLong,
          cumulativeFundingPerSizeShort: event.rates.cumulativeFundingPerSizeShort,
          lastAccruedAt: event.rates.lastAccruedAt,
        },
      };
      const accruedTerms = poolValueTerms(accrued, prices);
      this.#commit(
        "accrual",
        decomposeAccrual(this.lastStep.terms, accruedTerms),
        accrued,
        accruedTerms,
        at,
        false,
      );
      this.#state = accrued;
    }
    const events = this.#pending;
    this.#pending = emptyActionEvents();
    const ledger = { ...this.#state.ledger };
    for (const s of events.shortfalls) {
      ledger.totalShortfallUsd += s.shortfallUsd;
      ledger.coveredByInsuranceUsd += s.coveredByInsuranceUsd;
      ledger.absorbedByLpUsd += s.absorbedByLpUsd;
      ledger.shortfallCount += 1n;
    }
    const preState = this.#state;
    const postState: MarketState = {
      ...preState,
      balances: event.balances,
      openInterest: event.openInterest,
      rates: event.rates,
      ledger,
    };
    const postTerms = poolValueTerms(postState, prices);
    const decomposition = decomposeAction({
      preState,
      postState,
      pre: this.lastStep.terms,
      post: postTerms,
      prices,
      events,
    });
    this.#state = postState;
    const step = this.#commit(actionKind(events), decomposition, postState, postTerms, at, true, events);
    for (let i = this.shortfalls.length - 1; i >= 0 && this.shortfalls[i]?.stepIndex === -1; i--) {
      (this.shortfalls[i] as ShortfallEntry).stepIndex = step.index;
    }
  }

  /**
   * End of a transaction: share movements outside executions (plain transfers) become a transfer
   * step. Typed execution events without their `PoolStateUpdated` are an error.
   */
  endTransaction(at: EventPosition): void {
    if (!isEmptyAction(this.#pending)) {
      throw new ModelIntegrityError(
        `pool ${this.market}: transaction ${at.transactionHash} emitted execution events without a PoolStateUpdated`,
      );
    }
    const touched = this.shares.takeTouched();
    if (touched.size === 0) return;
    const changed = [...touched].some((key) => this.shares.sharesOf(key) !== this.#recordedShares(key));
    if (!changed) return;
    const delta = zeroVector(POOL_CATEGORY_COUNT);
    this.#commit(
      "transfer",
      { delta, flowUsd: 0n },
      this.#state,
      this.lastStep.terms,
      at,
      true,
      undefined,
      touched,
    );
  }

  #recordedShares(key: string): bigint {
    return this.accounts.get(key)?.checkpoints.at(-1)?.shares ?? 0n;
  }

  #marketPrices(): MarketPrices {
    return exactPrices(this.#tokenPrices[0], this.#tokenPrices[1], this.#tokenPrices[2]);
  }

  #commit(
    kind: StepKind,
    decomposition: StepDecomposition,
    state: MarketState,
    terms: PoolStep["terms"],
    at: EventPosition,
    settleHolders: boolean,
    events?: ActionEvents,
    alreadyTouched?: ReadonlySet<string>,
  ): PoolStep {
    const previous = this.lastStep;
    const touched = settleHolders ? (alreadyTouched ?? this.shares.takeTouched()) : new Set<string>();
    const changes: HolderChange[] = [];
    for (const key of touched) {
      const sharesAfter = this.shares.sharesOf(key);
      const sharesBefore = this.#recordedShares(key);
      const deposits = events?.deposits.filter((d) => d.account.toLowerCase() === key) ?? [];
      const withdrawals = events?.withdrawals.filter((w) => w.account.toLowerCase() === key) ?? [];
      if (sharesAfter === sharesBefore && deposits.length === 0 && withdrawals.length === 0) continue;
      let account = this.accounts.get(key);
      if (account === undefined) {
        account = newLpAccount(this.shares.display(key));
        this.accounts.set(key, account);
      }
      changes.push({ account, sharesBefore, sharesAfter, deposits, withdrawals });
    }
    const supply = settleHolders ? this.shares.totalSupply : previous.supply;
    const delta = decomposition.delta;
    const perShare = [...previous.perShare];
    if (supply > 0n) {
      let increments = 0n;
      for (let i = 0; i < POOL_CATEGORY_COUNT; i++) {
        const d = delta[i] ?? 0n;
        if (d === 0n) continue;
        const increment = floorDiv(d * PER_SHARE_SCALE, supply);
        perShare[i] = (perShare[i] ?? 0n) + increment;
        increments += increment;
      }
      if (changes.length > 0 && previous.supply > 0n) {
        // What an LP whose shares did not change gained per share beyond the pool categories:
        // value moved to it by others entering or leaving at execution prices.
        const perShareBefore = floorDiv(previous.terms.valueUsd * PER_SHARE_SCALE, previous.supply);
        const perShareAfter = floorDiv(terms.valueUsd * PER_SHARE_SCALE, supply);
        perShare[LIQUIDITY_FEES_INDEX] =
          (perShare[LIQUIDITY_FEES_INDEX] ?? 0n) + perShareAfter - perShareBefore - increments;
      }
    }
    const step: { -readonly [K in keyof PoolStep]: PoolStep[K] } = {
      index: this.steps.length,
      kind,
      blockNumber: at.blockNumber,
      logIndex: at.logIndex,
      timestamp: at.timestamp,
      transactionHash: at.transactionHash,
      state,
      prices: this.#marketPrices(),
      terms,
      supply,
      delta,
      flowUsd: decomposition.flowUsd,
      cumulative: previous.cumulative.map((value, i) => value + (delta[i] ?? 0n)),
      cumulativeFlowUsd: previous.cumulativeFlowUsd + decomposition.flowUsd,
      perShare,
      hodlLongAmount: previous.hodlLongAmount,
      hodlShortAmount: previous.hodlShortAmount,
    };
    if (sumVector(delta) !== terms.valueUsd - previous.terms.valueUsd - decomposition.flowUsd) {
      throw new ModelIntegrityError(`pool ${this.market}: step ${step.index} (${kind}) does not add up`);
    }
    this.steps.push(step);
    if (changes.length > 0) {
      const context = {
        previous,
        step,
        at,
        longPrice: step.prices.long.min,
        shortPrice: step.prices.short.min,
      };
      const pool: TransferPool = { sharesSent: 0n, longAmount: 0n, shortAmount: 0n };
      const basketsBefore = changes.map(({ account }) => account.checkpoints.at(-1));
      const started = changes.map((change) => startHolder(change, context, pool));
      changes.forEach((change, i) => {
        finishHolder(change, context, pool, started[i] as ReturnType<typeof startHolder>);
        const before = basketsBefore[i];
        const after = change.account.checkpoints.at(-1);
        step.hodlLongAmount += (after?.hodlLongAmount ?? 0n) - (before?.hodlLongAmount ?? 0n);
        step.hodlShortAmount += (after?.hodlShortAmount ?? 0n) - (before?.hodlShortAmount ?? 0n);
      });
    }
    return step;
  }
}
