import { bastionErrorsAbi, exchangeAbi } from "@bastion/contracts";
import type { Abi } from "viem";

/** The exchange's ABI with every error its calls can bubble up (oracle, Pyth, tokens), for decoding. */
export const exchangeWithErrorsAbi = [
  ...exchangeAbi,
  ...bastionErrorsAbi.filter(
    (item) => !exchangeAbi.some((own) => own.type === "error" && own.name === item.name),
  ),
] as const satisfies Abi;
