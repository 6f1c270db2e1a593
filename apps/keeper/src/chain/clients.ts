import {
  type Account,
  type Address,
  type Chain,
  type Client,
  createPublicClient,
  createWalletClient,
  defineChain,
  type Hex,
  http,
  type PublicClient,
  type Transport,
  type WalletClient,
  webSocket,
} from "viem";
import { createNonceManager, type NonceManager, privateKeyToAccount } from "viem/accounts";
import { jsonRpc } from "viem/nonce";
import { FeeCapExceededError } from "../util/errors.js";
import { createReceiptTracker, type ReceiptTracker } from "./receiptTracker.js";

/** A keeper account: its address, a wallet client that sends from it, and its nonce manager. */
export interface Signer {
  address: Address;
  client: WalletClient<Transport, Chain, Account>;
  /** Forgets the locally tracked nonce: the next send reads it from the node again. */
  resetNonce(): void;
}

/** The network's fees as last read (by the fee guard), reused by transaction preparation. */
export interface FeeCache {
  maxFeePerGas: bigint | undefined;
  maxPriorityFeePerGas: bigint | undefined;
  updatedAtMs: number;
}

/** How long a send waits for its receipt before failing (then retried; a stuck nonce is repaired). */
const RECEIPT_TIMEOUT_MS = 120_000;

/** How long read fees are reused for new transactions, ms. */
const FEE_CACHE_MS = 1000;

/** The clients a keeper uses. */
export interface KeeperClients {
  chain: Chain;
  /** Written by the fee guard, read when transactions are prepared. */
  fees: FeeCache;
  /** Shared receipt waiting for every signer (stop it with the keeper). */
  receipts: ReceiptTracker;
  publicClient: PublicClient<Transport, Chain>;
  signers: readonly Signer[];
}

/** What the clients are built from. */
export interface CreateKeeperClientsParameters {
  rpcUrl: string;
  chainId: number;
  privateKeys: readonly Hex[];
  /** Block and receipt polling interval, ms. */
  pollIntervalMs: number;
  /** Largest max fee per gas a transaction may carry, wei. */
  maxFeePerGasWei: bigint;
}

/** Multiplier of the base fee in the keeper's max fee per gas (see `createKeeperClients`). */
export const KEEPER_BASE_FEE_MULTIPLIER = 2;

/**
 * Public and wallet clients over one transport (JSON-RPC batching for HTTP), a chain whose
 * transaction preparation refuses fees above the cap (the last guard behind the fee check), and one
 * signer per key with its own nonce manager, so concurrent sends from one account get consecutive
 * nonces.
 */
export function createKeeperClients(parameters: CreateKeeperClientsParameters): KeeperClients {
  const cap = parameters.maxFeePerGasWei;
  const fees: FeeCache = { maxFeePerGas: undefined, maxPriorityFeePerGas: undefined, updatedAtMs: 0 };
  const chain = defineChain({
    id: parameters.chainId,
    name: `chain ${parameters.chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [parameters.rpcUrl] } },
    // Max fee = 2 x base fee + tip (viem's default is 1.2 x): in a crash the keeper fills blocks, the
    // base fee rises up to 12.5% per block, and a transaction priced 1.2 x a base fee read a second
    // ago can sit in the pool, unminable, holding every later nonce behind it. The cap still applies.
    fees: { baseFeeMultiplier: KEEPER_BASE_FEE_MULTIPLIER },
    prepareTransactionRequest: [
      async (request, { phase }) => {
        const r = request as unknown as Record<string, unknown>;
        if (phase === "beforeFillTransaction") {
          // Fees the fee guard read under a second ago: with the gas limit given, viem then needs no
          // eth_fillTransaction round trip.
          if (
            r.maxFeePerGas === undefined &&
            r.gasPrice === undefined &&
            fees.maxFeePerGas !== undefined &&
            fees.maxPriorityFeePerGas !== undefined &&
            Date.now() - fees.updatedAtMs < FEE_CACHE_MS
          ) {
            return {
              ...request,
              chainId: parameters.chainId,
              maxFeePerGas: fees.maxFeePerGas,
              maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
            } as typeof request;
          }
          return request;
        }
        const fee = (r.maxFeePerGas ?? r.gasPrice) as bigint | undefined;
        if (fee !== undefined && fee > cap) throw new FeeCapExceededError(fee, cap);
        return request;
      },
      { runAt: ["beforeFillTransaction", "afterFillParameters"] },
    ],
  });
  const transport = parameters.rpcUrl.startsWith("ws")
    ? webSocket(parameters.rpcUrl, { retryCount: 0 })
    : http(parameters.rpcUrl, { batch: { wait: 0, batchSize: 200 }, retryCount: 0, timeout: 15_000 });
  const pollingInterval = parameters.pollIntervalMs;
  const publicClient = createPublicClient({ chain, transport, pollingInterval, cacheTime: 0 });
  const receipts = createReceiptTracker(publicClient as PublicClient<Transport, Chain>, {
    pollIntervalMs: pollingInterval,
    timeoutMs: RECEIPT_TIMEOUT_MS,
  });
  const signers = parameters.privateKeys.map((key) => {
    const nonceManager: NonceManager = createNonceManager({ source: jsonRpc() });
    const account = privateKeyToAccount(key, { nonceManager });
    // The SDK resolves `waitForTransactionReceipt` through the client: the shared tracker replaces it.
    const client = createWalletClient({ account, chain, transport, pollingInterval, cacheTime: 0 }).extend(
      () => ({
        waitForTransactionReceipt: receipts.wait,
      }),
    );
    return {
      address: account.address,
      client,
      resetNonce: () => nonceManager.reset({ address: account.address, chainId: chain.id }),
    } satisfies Signer;
  });
  return { chain, publicClient: publicClient as PublicClient<Transport, Chain>, signers, fees, receipts };
}

/** A client usable for reads (any viem client). */
export type ReadClient = Client<Transport, Chain | undefined>;
