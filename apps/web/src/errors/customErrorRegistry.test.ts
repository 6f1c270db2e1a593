// @vitest-environment node
import { bastionErrorsAbi } from "@bastion/contracts";
import { BastionContractError, HermesError, InvalidParameterError, RequestGoneError } from "@bastion/sdk";
import { type AbiParameter, encodeErrorResult, type Hex, zeroAddress } from "viem";
import { describe, expect, it } from "vitest";
import { exampleAppConfig } from "../test/exampleConfig";
import { decodeRegisteredError, registeredErrorNames } from "./customErrorRegistry";
import { describeError } from "./describeError";
import { describeRevertData } from "./describeRevert";
import type { ErrorContext } from "./ErrorDescription";

const config = exampleAppConfig();
const ethMarket = config.markets[0] ?? expect.unreachable();
const context: ErrorContext = {
  markets: config.markets,
  market: ethMarket,
  chainName: config.chainName,
  priceServiceUrl: config.priceServiceUrl,
};
const abiErrors = bastionErrorsAbi.filter((item) => item.type === "error");

/** A plausible value for any ABI parameter, so every error can be encoded. */
function sampleValue(parameter: AbiParameter): unknown {
  const { type } = parameter;
  if (type === "address") return ethMarket.shortToken.address;
  if (type === "bool") return true;
  if (type === "bytes32") return ethMarket.pythPriceFeedId;
  if (/^u?int(8|16|32)$/.test(type)) return 7;
  if (type === "int64") return 300_000_000_000n;
  if (type.startsWith("int")) return -(10n ** 30n);
  if (type === "uint64") return 99_000_000n;
  if (type.startsWith("uint")) return 1_800_000_000n;
  throw new Error(`no sample for ${type}`);
}

describe("custom error registry", () => {
  it("has a sentence for every error in bastionErrorsAbi, and nothing else", () => {
    const abiNames = [...new Set(abiErrors.map((item) => item.name))].sort();
    expect([...registeredErrorNames].sort()).toEqual(abiNames);
  });

  it("explains every error in words, without raw bytes or undefined values", () => {
    for (const item of abiErrors) {
      const data = encodeErrorResult({
        abi: [item],
        errorName: item.name,
        args: item.inputs.map(sampleValue) as never,
      }) as Hex;
      const decoded = decodeRegisteredError(data);
      expect(decoded?.name, item.name).toBe(item.name);
      const description = decoded?.describe(context) ?? expect.unreachable();
      expect(description.title.length, item.name).toBeGreaterThan(3);
      expect(description.detail, item.name).toMatch(/[.!]$/);
      expect(description.detail, item.name).not.toMatch(/undefined|NaN|\[object/);
      expect(description.detail, item.name).not.toContain(data.slice(2, 10));
    }
  });
});

describe("describeRevertData (RequestCancelled reasons)", () => {
  it("turns a cancellation reason into the sentence of its error", () => {
    const reason = encodeErrorResult({
      abi: bastionErrorsAbi,
      errorName: "AcceptablePriceNotMet",
      args: [3_100n * 10n ** 12n, 3_050n * 10n ** 12n],
    });
    expect(describeRevertData(reason, context)?.title).toBe("Price moved past your limit");
    expect(describeRevertData(reason, context)?.detail).toContain("$3,100.00");
  });

  it("has nothing to say about an empty reason, and names unknown data by its selector", () => {
    expect(describeRevertData("0x", context)).toBeUndefined();
    expect(describeRevertData("0x12345678", context)?.detail).toBe(
      "It stopped with an error this app does not know yet (code 0x12345678).",
    );
  });
});

describe("describeError: SDK errors", () => {
  it("explains a simulation the SDK wrapped, from its decoded revert", () => {
    const data = encodeErrorResult({
      abi: bastionErrorsAbi,
      errorName: "MarketPaused",
      args: [ethMarket.address],
    });
    const error = new BastionContractError("createOrder", { name: "RawContractError", data });
    expect(describeError(error, context).title).toBe("Market paused");
  });

  it("explains an unreachable price service, naming it", () => {
    const error = new HermesError("unreachable", "cannot reach http://127.0.0.1:8787: ECONNREFUSED");
    expect(describeError(error, context)).toEqual({
      title: "Can't reach the price service",
      detail:
        "The app could not get prices from the price service at http://127.0.0.1:8787. Prices, previews and trading wait until it answers again.",
      action: { kind: "retry", label: "Try again" },
    });
    expect(describeError(new HermesError("unauthorized", "401"), context).title).toBe(
      "The price service refused the app",
    );
  });

  it("explains bad input and requests that are already gone", () => {
    expect(describeError(new InvalidParameterError("sizeDeltaUsd", "must not be negative")).detail).toBe(
      "sizeDeltaUsd: must not be negative.",
    );
    expect(describeError(new RequestGoneError("order", 4n)).title).toBe("Already handled");
    expect(describeError(new Error("x"), { ...context, token: zeroAddress }).title).toBe(
      "Something went wrong",
    );
  });
});
