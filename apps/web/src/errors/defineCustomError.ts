import { type Abi, type ContractErrorArgs, type ParseAbiItem, parseAbiItem } from "viem";
import type { ErrorContext, ErrorDescription } from "./ErrorDescription";

/** One `error Name(...)` item of an ABI. */
export type AbiError = Extract<Abi[number], { type: "error" }>;

/** The decoded arguments of a Solidity error given as a human-readable signature. */
export type CustomErrorArgs<signature extends string> =
  ParseAbiItem<signature> extends infer item extends AbiError ? ContractErrorArgs<readonly [item]> : never;

export type CustomErrorEntry = {
  abiItem: AbiError;
  describe: (args: readonly unknown[], context: ErrorContext) => ErrorDescription;
};

/**
 * Declares how to explain one custom error:
 * `defineCustomError("error PositionTooSmall(uint256 sizeUsd, uint256 minSizeUsd)", ([size, min]) => …)`.
 * The arguments are typed from the signature.
 */
export function defineCustomError<const signature extends string>(
  signature: signature,
  describe: (args: CustomErrorArgs<signature>, context: ErrorContext) => ErrorDescription,
): CustomErrorEntry {
  const abiItem = parseAbiItem(signature as string);
  if (abiItem.type !== "error") throw new Error(`Not an error signature: ${signature}`);
  return {
    abiItem,
    // Safe: the arguments always come from decoding revert data with this same abiItem.
    describe: describe as unknown as CustomErrorEntry["describe"],
  };
}
