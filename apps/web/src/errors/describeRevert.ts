import { decodeErrorResult, type Hex } from "viem";
import { decodeRegisteredError } from "./customErrorRegistry";
import type { ErrorContext, ErrorDescription } from "./ErrorDescription";
import { argumentText } from "./errorArgumentText";
import { type ErrorLike, findByName } from "./errorChain";

const REFUSED = "The contract refused the transaction";

function isRevertData(value: unknown): value is Hex {
  return typeof value === "string" && /^0x[0-9a-fA-F]{8,}$/.test(value);
}

/** Errors that carry revert data: viem's wrappers, and JSON-RPC error code 3 ("execution reverted"). */
const REVERT_CARRIERS = new Set([
  "ContractFunctionRevertedError",
  "RawContractError",
  "ExecutionRevertedError",
  "RpcRequestError",
  "CallExecutionError",
]);

function carriesRevertData(error: ErrorLike): boolean {
  return (typeof error.name === "string" && REVERT_CARRIERS.has(error.name)) || error.code === 3;
}

/** Revert data in the chain: viem's `raw`, an RPC error's `data`, `data.data`, or the SDK's `decoded.data`. */
function findRevertData(chain: readonly ErrorLike[]): Hex | undefined {
  for (const error of chain) {
    const decoded = error.decoded as { data?: unknown } | undefined;
    if (error.name === "BastionContractError" && isRevertData(decoded?.data)) return decoded.data;
  }
  for (const error of chain.filter(carriesRevertData)) {
    for (const candidate of [error.raw, error.data, (error.data as { data?: unknown } | undefined)?.data]) {
      if (isRevertData(candidate)) return candidate;
    }
  }
  return undefined;
}

type DecodedRevert = { errorName?: unknown; args?: unknown };

/**
 * Explains a revert: a registered custom error becomes its sentence; an unregistered one is named
 * with its decoded arguments; Error(string) and Panic(uint256) show their reason. Never raw bytes.
 */
export function describeRevert(
  chain: readonly ErrorLike[],
  context: ErrorContext,
): ErrorDescription | undefined {
  const reverted = findByName(chain, "ContractFunctionRevertedError");
  const revertData = findRevertData(chain);
  if (
    reverted === undefined &&
    revertData === undefined &&
    !findByName(chain, "ExecutionRevertedError", "BastionContractError")
  ) {
    return undefined;
  }

  if (revertData !== undefined) {
    const registered = decodeRegisteredError(revertData);
    if (registered !== undefined) return registered.describe(context);
  }

  const decoded = reverted?.data as DecodedRevert | undefined;
  // Nodes say "execution reverted" when there is no reason: that is not one.
  const reason =
    typeof reverted?.reason === "string" && !/^execution reverted:?$/i.test(reverted.reason.trim())
      ? reverted.reason
      : undefined;
  if (decoded?.errorName === "Panic") {
    return {
      title: "The contract hit an internal error",
      detail: `${reason ?? "It panicked"}. Nothing was executed.`,
    };
  }
  if (reason !== undefined && reason.trim() !== "") {
    return { title: REFUSED, detail: `It gave this reason: "${reason}".` };
  }
  if (typeof decoded?.errorName === "string") {
    const args = Array.isArray(decoded.args) ? decoded.args.map(argumentText).join(", ") : "";
    return { title: REFUSED, detail: `It stopped with the error ${decoded.errorName}(${args}).` };
  }
  if (revertData !== undefined) {
    return {
      title: REFUSED,
      detail: `It stopped with an error this app does not know yet (code ${revertData.slice(0, 10)}).`,
    };
  }
  return { title: REFUSED, detail: "It reverted without giving a reason. Nothing was executed." };
}

/**
 * Explains raw revert data on its own, such as the `reason` of a `RequestCancelled` event; undefined
 * for empty data (a cancellation by the owner or an expiry carries none).
 */
export function describeRevertData(data: Hex, context: ErrorContext): ErrorDescription | undefined {
  if (!isRevertData(data)) return undefined;
  const registered = decodeRegisteredError(data);
  if (registered !== undefined) return registered.describe(context);
  let builtIn: { errorName: string; args: readonly unknown[] | undefined } | undefined;
  try {
    // Solidity's Error(string) and Panic(uint256) are always known to viem.
    builtIn = decodeErrorResult({ abi: [], data });
  } catch {
    builtIn = undefined;
  }
  if (builtIn?.errorName === "Panic") {
    return describeRevert([{ name: "ContractFunctionRevertedError", data: builtIn }], context);
  }
  if (builtIn?.errorName === "Error") {
    const reason = String(builtIn.args?.[0] ?? "");
    return describeRevert([{ name: "ContractFunctionRevertedError", data: builtIn, reason }], context);
  }
  return describeRevert([{ name: "RawContractError", data }], context);
}
