import type { Address } from "viem";
import { describe, expect, it } from "vitest";
import { ShareBook } from "./share-book.js";

const ZERO: Address = "0x0000000000000000000000000000000000000000";
const MARKET: Address = "0x8dAF17A20c9DBA35f005b6324F493785D239719d";
const ALICE: Address = "0x00000000000000000000000000000000000A11CE";
const BOB: Address = "0x0000000000000000000000000000000000000B0b";

describe("ShareBook", () => {
  it("keeps escrowed shares with the LP that asked to withdraw until the withdrawal ends", () => {
    const book = new ShareBook(MARKET);
    book.transfer(ZERO, ALICE, 100n);
    expect(book.totalSupply).toBe(100n);
    book.transfer(ALICE, MARKET, 40n);
    book.escrow(7n, ALICE, 40n);
    expect(book.sharesOf(ALICE)).toBe(100n);
    expect(book.escrowedOf(ALICE)).toBe(40n);
    expect(book.sharesOf(MARKET)).toBe(0n);
    // Executed: burned from the pool token's wallet.
    book.transfer(MARKET, ZERO, 40n);
    book.release(7n);
    expect(book.sharesOf(ALICE)).toBe(60n);
    expect(book.totalSupply).toBe(60n);
  });

  it("returns cancelled escrow and reports shares sent to the pool token by mistake under the market", () => {
    const book = new ShareBook(MARKET);
    book.transfer(ZERO, BOB, 50n);
    book.transfer(BOB, MARKET, 20n);
    book.escrow(1n, BOB, 20n);
    book.transfer(MARKET, BOB, 20n);
    book.release(1n);
    expect(book.sharesOf(BOB)).toBe(50n);
    book.transfer(BOB, MARKET, 5n);
    expect(book.sharesOf(BOB)).toBe(45n);
    expect(book.sharesOf(MARKET)).toBe(5n);
    expect([...book.takeTouched()].sort()).toEqual([BOB.toLowerCase(), MARKET.toLowerCase()].sort());
    expect(book.takeTouched().size).toBe(0);
  });
});
