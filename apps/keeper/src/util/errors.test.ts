import { bastionErrorsAbi } from "@bastion/contracts";
import { BastionContractError, HermesError, RequestGoneError, TransactionRevertedError } from "@bastion/sdk";
import { encodeErrorResult, HttpRequestError } from "viem";
import { describe, expect, it } from "vitest";
import { classifyError, FeeCapExceededError } from "./errors.js";

describe("classifyError", () => {
  it("recognises what the keeper reacts to differently", () => {
    expect(classifyError(new RequestGoneError("order", 3n)).kind).toBe("gone");
    expect(classifyError(new HermesError("unreachable", "down"))).toMatchObject({
      kind: "hermes",
      name: "unreachable",
    });
    expect(classifyError(new FeeCapExceededError(10n, 5n)).kind).toBe("fee_cap");
    expect(classifyError(new TransactionRevertedError("executeOrder", "0x01")).kind).toBe("reverted");
    expect(classifyError(new Error("nonce too low: next nonce 5, tx nonce 4")).kind).toBe("nonce");
    expect(classifyError(new HttpRequestError({ url: "http://127.0.0.1:8545" })).kind).toBe("rpc");
    expect(classifyError(new Error("something else")).kind).toBe("unknown");
  });
  it("decodes contract errors, and treats RequestNotFound as gone", () => {
    const data = encodeErrorResult({
      abi: bastionErrorsAbi,
      errorName: "TriggerPriceNotReached",
      args: [1n, 2n],
    });
    const trigger = new BastionContractError("executeOrder", data);
    expect(classifyError(trigger)).toMatchObject({ kind: "contract", name: "TriggerPriceNotReached" });
    const notFound = new BastionContractError(
      "cancelOrder",
      encodeErrorResult({ abi: bastionErrorsAbi, errorName: "RequestNotFound", args: [9n] }),
    );
    expect(classifyError(notFound).kind).toBe("gone");
  });
  it("sees an RPC failure behind a simulation error", () => {
    const error = new BastionContractError(
      "executeDeposit",
      new HttpRequestError({ url: "http://127.0.0.1:8545" }),
    );
    expect(classifyError(error).kind).toBe("rpc");
  });
});
