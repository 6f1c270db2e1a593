import { custom } from "viem";

type Handler = (params: readonly unknown[]) => unknown;

/** An RPC error as a wallet or node sends it (viem turns these into its typed errors). */
export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }
}

/**
 * A viem transport over a scripted EIP-1193 provider: each method answers from `handlers`, and an
 * unscripted method fails loudly. For driving viem into its real error paths in unit tests.
 */
export function scriptedTransport(handlers: Record<string, Handler>) {
  return custom(
    {
      async request({ method, params }: { method: string; params?: readonly unknown[] }) {
        const handler = handlers[method];
        if (handler === undefined) throw new Error(`scriptedTransport: unexpected ${method}`);
        return handler(params ?? []);
      },
    },
    { retryCount: 0 },
  );
}
