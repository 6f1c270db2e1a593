import type { Address } from "viem";

/** A query named a market the accounting does not know (no `MarketCreated` in the indexed logs). */
export class UnknownPoolError extends Error {
  override name = "UnknownPoolError";
  /** The market (pool token) asked for. */
  readonly market: Address;
  /** @param known - the markets the accounting does know, listed in the message. */
  constructor(market: Address, known: readonly Address[]) {
    super(
      `unknown pool ${market}: known pools are ${known.length === 0 ? "none" : known.join(", ")}. ` +
        "A pool is known once its MarketCreated event is indexed: start the indexer at or before the market's creation block.",
    );
    this.market = market;
  }
}

/** A range or point that makes no sense: `from` after `to`, negative numbers, both or neither bound kind. */
export class InvalidRangeError extends RangeError {
  override name = "InvalidRangeError";
}

/**
 * A query reaches past what the store holds. Answering would silently treat unindexed blocks as
 * empty, so the accounting refuses instead.
 */
export class NotIndexedError extends RangeError {
  override name = "NotIndexedError";
}

/**
 * The indexed events contradict each other: e.g. the pool token's `Transfer` events do not add up
 * to the `totalSupply` the exchange reported, a log lacks its block timestamp, or an event names a
 * market that was never created. The accounting stops rather than report wrong figures.
 */
export class ModelIntegrityError extends Error {
  override name = "ModelIntegrityError";
}

/** Figures that must add up exactly do not: carries every number involved. */
export class ReconciliationError extends Error {
  override name = "ReconciliationError";
  /** The numbers that disagree, by name (USD with 30 decimals unless the name says otherwise). */
  readonly figures: Readonly<Record<string, bigint>>;
  /** Builds the message from a description and the figures. */
  constructor(what: string, figures: Readonly<Record<string, bigint>>) {
    const lines = Object.entries(figures).map(([name, value]) => `  ${name} = ${value}`);
    super(`${what}\n${lines.join("\n")}`);
    this.figures = figures;
  }
}
