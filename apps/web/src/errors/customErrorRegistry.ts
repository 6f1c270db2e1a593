import { bastionErrorsAbi } from "@bastion/contracts";
import { decodeErrorResult, type Hex } from "viem";
import { type BastionErrorName, bastionErrorSentences } from "./bastionErrorSentences";
import type { ErrorContext, ErrorDescription } from "./ErrorDescription";

/**
 * Sentences for every custom error of the contracts (`bastionErrorsAbi` from @bastion/contracts:
 * the exchange, its oracle, Pyth, OpenZeppelin and the tokens). Units: USD with 30 decimals;
 * prices are USD with 30 decimals per smallest token unit; token amounts in smallest units. The
 * sentence table is typed from the generated ABI, so a new error is a compile error until it has
 * a sentence.
 */
export type DecodedCustomError = {
  name: BastionErrorName;
  args: readonly unknown[];
  describe: (context: ErrorContext) => ErrorDescription;
};

function isBastionErrorName(name: string): name is BastionErrorName {
  return Object.hasOwn(bastionErrorSentences, name);
}

/** Decodes revert data against `bastionErrorsAbi`; undefined when the selector is not one of them. */
export function decodeRegisteredError(data: Hex): DecodedCustomError | undefined {
  let decoded: { errorName: string; args: readonly unknown[] | undefined };
  try {
    decoded = decodeErrorResult({ abi: bastionErrorsAbi, data });
  } catch {
    return undefined;
  }
  const { errorName } = decoded;
  if (!isBastionErrorName(errorName)) return undefined;
  const args = decoded.args ?? [];
  const sentence = bastionErrorSentences[errorName] as (
    args: readonly unknown[],
    context: ErrorContext,
  ) => ErrorDescription;
  return { name: errorName, args, describe: (context) => sentence(args, context) };
}

/** The names of every error the app has a sentence for. */
export const registeredErrorNames: readonly string[] = Object.keys(bastionErrorSentences);
