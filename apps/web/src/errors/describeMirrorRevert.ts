import type { MirrorRevert } from "@bastion/risk";
import { bastionErrorSentences } from "./bastionErrorSentences";
import type { ErrorContext, ErrorDescription } from "./ErrorDescription";

/**
 * Explains what the contract would revert with, as the mirror predicts it (`MirrorRevert`), with
 * the same sentence as the real revert: the preview and the chain speak alike.
 */
export function describeMirrorRevert(revert: MirrorRevert, context: ErrorContext): ErrorDescription {
  const args = Object.values(revert.args) as readonly unknown[];
  if (Object.hasOwn(bastionErrorSentences, revert.errorName)) {
    const sentence = bastionErrorSentences[revert.errorName as keyof typeof bastionErrorSentences] as (
      args: readonly unknown[],
      context: ErrorContext,
    ) => ErrorDescription;
    return sentence(args, context);
  }
  return {
    title: "This would fail on chain",
    detail:
      revert.errorName === "Panic"
        ? "The amounts are outside what the exchange can compute. Try smaller numbers."
        : `The exchange would refuse it (${revert.errorName}).`,
  };
}
