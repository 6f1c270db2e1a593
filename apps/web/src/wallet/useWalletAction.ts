import type { SigningClient } from "@bastion/sdk";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Address } from "viem";
import { useExchange } from "../chain/useExchange";
import { describeError } from "../errors/describeError";
import type { ErrorContext } from "../errors/ErrorDescription";
import { useTxStatus } from "../status/TxStatusContext";
import { useSigningClient } from "./useSigningClient";

export type WalletAction = {
  /** "Cancel order #12": announced while it runs. */
  label: string;
  /** Announced when it succeeded. */
  done: string;
  run: (client: SigningClient, exchange: Address) => Promise<unknown>;
};

/** A one-step transaction (cancel, claim) with its progress and failure announced in words. */
export function useWalletAction(errorContext: ErrorContext) {
  const { exchange } = useExchange();
  const { getClient } = useSigningClient();
  const { announce } = useTxStatus();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (action: WalletAction) => {
      const client = await getClient();
      announce(`${action.label}…`);
      await action.run(client, exchange);
      announce(action.done, "success");
      await queryClient.invalidateQueries({ queryKey: ["bastion"] });
    },
    onError: (error) => announce(describeError(error, errorContext).title, "error"),
  });
}
