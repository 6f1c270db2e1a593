import { BaseError, ContractFunctionRevertedError } from "viem";
import { isMirrorRevert } from "../../src/mirror/errors.js";

/** What a call did: returned a value, or reverted with a named error and its arguments. */
export type Outcome = { ok: true; value: unknown } | { ok: false; error: string; args: readonly unknown[] };

/** Runs a mirror function and captures its result or its {@link MirrorRevert}. */
export function mirrorOutcome(run: () => unknown): Outcome {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (isMirrorRevert(error)) return { ok: false, error: error.errorName, args: Object.values(error.args) };
    throw error;
  }
}

/** The revert of a failed contract call, decoded against the ABI it was called with. */
export function chainFailure(error: unknown): Outcome {
  if (error instanceof BaseError) {
    const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
    if (reverted instanceof ContractFunctionRevertedError) {
      if (reverted.data !== undefined) {
        return { ok: false, error: reverted.data.errorName, args: reverted.data.args ?? [] };
      }
      return {
        ok: false,
        error: `unknown error ${reverted.signature ?? reverted.raw ?? "(no data)"}`,
        args: [],
      };
    }
  }
  return {
    ok: false,
    error: `call failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
    args: [],
  };
}

/** A stable text form with bigints marked (`12n`), for equality and messages. */
export function show(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? `${v}n` : v));
}

/** Whether two outcomes are the same: same value, or same error with the same arguments. */
export function sameOutcome(a: Outcome, b: Outcome): boolean {
  return show(a) === show(b);
}
