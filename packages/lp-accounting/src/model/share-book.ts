import type { Address } from "viem";

const ZERO = "0x0000000000000000000000000000000000000000";

/**
 * Who owns a market's LP shares. Wallet balances follow the pool token's `Transfer` events; shares
 * escrowed for a pending withdrawal sit in the pool token contract itself but still belong to the
 * LP who asked to withdraw (`WithdrawalCreated`), until the withdrawal executes (burn) or is
 * cancelled (returned). Shares the pool token holds with no pending withdrawal behind them (sent to
 * it by mistake) belong to nobody; they are reported under the market's own address.
 *
 * Keys are lowercase addresses.
 */
export class ShareBook {
  readonly #market: string;
  readonly #wallets = new Map<string, bigint>();
  /** Pending withdrawals: request id -> owner and escrowed shares. */
  readonly #escrow = new Map<bigint, { readonly owner: string; readonly shares: bigint }>();
  readonly #escrowedByOwner = new Map<string, bigint>();
  /** Display form of each address seen (as the events spell it). */
  readonly #display = new Map<string, Address>();
  /** Accounts whose economic holding may have changed since {@link takeTouched}. */
  #touched = new Set<string>();
  #walletTotal = 0n;

  /** @param market - the pool token address (any case). */
  constructor(market: Address) {
    this.#market = market.toLowerCase();
    this.#display.set(this.#market, market);
  }

  /** Sum of all wallet balances: must equal the pool token's total supply. */
  get totalSupply(): bigint {
    return this.#walletTotal;
  }

  /** Applies a pool token `Transfer` (mint from and burn to the zero address). */
  transfer(from: Address, to: Address, value: bigint): void {
    const fromKey = from.toLowerCase();
    const toKey = to.toLowerCase();
    if (fromKey === ZERO) this.#walletTotal += value;
    else this.#addWallet(fromKey, from, -value);
    if (toKey === ZERO) this.#walletTotal -= value;
    else this.#addWallet(toKey, to, value);
  }

  /** A withdrawal request escrowed `shares` of `owner` in the pool token contract. */
  escrow(id: bigint, owner: Address, shares: bigint): void {
    const key = owner.toLowerCase();
    this.#remember(key, owner);
    this.#escrow.set(id, { owner: key, shares });
    this.#escrowedByOwner.set(key, (this.#escrowedByOwner.get(key) ?? 0n) + shares);
    this.#touched.add(key);
    this.#touched.add(this.#market);
  }

  /** The withdrawal request `id` ended (executed or cancelled); unknown ids are ignored. */
  release(id: bigint): void {
    const entry = this.#escrow.get(id);
    if (entry === undefined) return;
    this.#escrow.delete(id);
    this.#escrowedByOwner.set(entry.owner, (this.#escrowedByOwner.get(entry.owner) ?? 0n) - entry.shares);
    this.#touched.add(entry.owner);
    this.#touched.add(this.#market);
  }

  /** Economic holding of an account: wallet plus escrowed shares (the market: unowned shares). */
  sharesOf(account: string): bigint {
    const key = account.toLowerCase();
    const wallet = this.#wallets.get(key) ?? 0n;
    if (key === this.#market) return wallet - this.#totalEscrowed();
    return wallet + (this.#escrowedByOwner.get(key) ?? 0n);
  }

  /** Shares in the pool token's wallet waiting for a pending withdrawal of `account`. */
  escrowedOf(account: string): bigint {
    return this.#escrowedByOwner.get(account.toLowerCase()) ?? 0n;
  }

  /** The address as the events spell it. */
  display(account: string): Address {
    return this.#display.get(account.toLowerCase()) ?? (account as Address);
  }

  /** Returns and clears the accounts touched since the last call. */
  takeTouched(): ReadonlySet<string> {
    const touched = this.#touched;
    this.#touched = new Set();
    return touched;
  }

  #totalEscrowed(): bigint {
    let total = 0n;
    for (const { shares } of this.#escrow.values()) total += shares;
    return total;
  }

  #addWallet(key: string, display: Address, delta: bigint): void {
    this.#remember(key, display);
    this.#wallets.set(key, (this.#wallets.get(key) ?? 0n) + delta);
    this.#touched.add(key);
  }

  #remember(key: string, display: Address): void {
    if (!this.#display.has(key)) this.#display.set(key, display);
  }
}
