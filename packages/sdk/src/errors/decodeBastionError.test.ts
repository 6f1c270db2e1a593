import { bastionErrorsAbi, exchangeAbi } from "@bastion/contracts";
import { encodeAbiParameters, encodeErrorResult, parseEther } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestChain, type TestChain } from "../../test/fixtures.js";
import { decodeBastionError } from "./decodeBastionError.js";

describe("decodeBastionError", () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await startTestChain();
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it("decodes raw revert data of the exchange's custom errors, with a sentence", () => {
    const data = encodeErrorResult({
      abi: bastionErrorsAbi,
      errorName: "InsufficientExecutionFee",
      args: [1n, parseEther("0.0001")],
    });
    expect(decodeBastionError(data)).toEqual({
      name: "InsufficientExecutionFee",
      args: [1n, 100_000_000_000_000n],
      message: "InsufficientExecutionFee: execution fee 1 wei is below the minimum 100000000000000 wei",
      data,
    });
    const impact = encodeErrorResult({
      abi: bastionErrorsAbi,
      errorName: "ImpactExceedsSize",
      args: [5n, -7n],
    });
    expect(decodeBastionError(impact).message).toMatch(/^ImpactExceedsSize\(\w+=5, \w+=-7\)$/);
  });

  it("decodes panics and Error(string), and falls back for unknown, empty or foreign data", () => {
    const panic = `0x4e487b71${encodeAbiParameters([{ type: "uint256" }], [0x11n]).slice(2)}` as const;
    expect(decodeBastionError(panic)).toMatchObject({
      name: "Panic",
      args: [0x11n],
      message: "panic 0x11: an arithmetic operation overflowed or underflowed",
    });
    const reason = `0x08c379a0${encodeAbiParameters([{ type: "string" }], ["nope"]).slice(2)}` as const;
    expect(decodeBastionError(reason)).toMatchObject({ name: "Error", args: ["nope"], message: "nope" });
    expect(decodeBastionError("0xdeadbeef00")).toMatchObject({ name: "UnknownError", data: "0xdeadbeef00" });
    expect(decodeBastionError("0xdeadbeef00").message).toMatch(/selector 0xdeadbeef/);
    expect(decodeBastionError("0x")).toMatchObject({ name: "EmptyRevert" });
    expect(decodeBastionError("0x12")).toMatchObject({ name: "UnknownError" });
    expect(decodeBastionError(new TypeError("boom"))).toEqual({
      name: "TypeError",
      args: [],
      message: "boom",
    });
    expect(decodeBastionError(42)).toMatchObject({ name: "UnknownError" });
    expect(decodeBastionError(undefined)).toMatchObject({ name: "UnknownError" });
  });

  it("decodes a viem error from a real failed call, whatever ABI the caller used", async () => {
    const error = await chain.publicClient
      .simulateContract({
        address: chain.exchange,
        abi: exchangeAbi,
        functionName: "createDeposit",
        args: [chain.deployment.ethUsdMarket, 0n, 1n, 0n],
        account: chain.deployer.account,
        value: 1n,
      })
      .catch((e: unknown) => e);
    expect(decodeBastionError(error)).toMatchObject({
      name: "InsufficientExecutionFee",
      args: [1n, 100_000_000_000_000n],
    });
    // With an ABI that declares no errors, viem cannot decode the revert; the decoder still does.
    const bare = await chain.publicClient
      .simulateContract({
        address: chain.exchange,
        abi: exchangeAbi.filter((item) => item.type === "function" && item.name === "claimEth"),
        functionName: "claimEth",
        account: chain.deployer.account,
      })
      .catch((e: unknown) => e);
    expect(decodeBastionError(bare)).toMatchObject({
      name: "NothingToClaim",
      message: "NothingToClaim: nothing to claim",
    });
  });
});
