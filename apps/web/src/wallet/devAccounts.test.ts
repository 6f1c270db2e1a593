// @vitest-environment node
import { mnemonicToAccount, privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { ANVIL_DEV_ACCOUNTS, ANVIL_DEV_MNEMONIC, getDevAccount } from "./devAccounts";

describe("ANVIL_DEV_ACCOUNTS", () => {
  it("lists accounts 0..9 of anvil's mnemonic, with matching private keys", () => {
    expect(ANVIL_DEV_ACCOUNTS.map((account) => account.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const account of ANVIL_DEV_ACCOUNTS) {
      const derived = mnemonicToAccount(ANVIL_DEV_MNEMONIC, { addressIndex: account.index });
      expect(derived.address).toBe(account.address);
      expect(privateKeyToAccount(account.privateKey).address).toBe(account.address);
    }
  });

  it("refuses an index outside 0..9", () => {
    expect(getDevAccount(9).address).toBe("0xa0Ee7A142d267C1f36714E4a8F75612F20a79720");
    expect(() => getDevAccount(10)).toThrow(/no dev account #10/);
    expect(() => getDevAccount(-1)).toThrow(RangeError);
  });
});
