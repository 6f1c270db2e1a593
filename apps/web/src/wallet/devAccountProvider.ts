import {
  type Address,
  type Chain,
  createWalletClient,
  custom,
  type EIP1193RequestFn,
  fromHex,
  type Hex,
  http,
  isAddressEqual,
  numberToHex,
  type PrivateKeyAccount,
  SwitchChainError,
  type TypedDataDefinition,
  UnauthorizedProviderError,
  UnsupportedProviderMethodError,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import type { DevAccount } from "./devAccounts";

/** An `eth_sendTransaction` parameter as wallets receive it: quantities are hex strings. */
type RpcTransactionRequest = {
  from?: Address;
  to?: Address | null;
  data?: Hex;
  input?: Hex;
  value?: Hex;
  gas?: Hex;
  gasPrice?: Hex;
  maxFeePerGas?: Hex;
  maxPriorityFeePerGas?: Hex;
  nonce?: Hex;
};

export type DevAccountProviderOptions = {
  chain: Chain;
  /** Which dev account signs right now (read on every request, so switching takes effect at once). */
  getAccount: () => DevAccount;
  /** Whether the app is connected: `eth_accounts` is empty until it is. */
  isConnected: () => boolean;
};

/** Methods that need the private key; everything else goes to the chain's RPC unchanged. */
const SIGNING_METHODS = new Set([
  "eth_accounts",
  "eth_requestAccounts",
  "eth_chainId",
  "wallet_switchEthereumChain",
  "personal_sign",
  "eth_sign",
  "eth_signTypedData_v4",
  "eth_sendTransaction",
  "eth_signTransaction",
]);

function rpcUrlOf(chain: Chain): string {
  const url = chain.rpcUrls.default.http[0];
  if (url === undefined) throw new Error(`Chain ${chain.id} has no RPC URL`);
  return url;
}

function assertSigner(account: PrivateKeyAccount, requested: Address | undefined) {
  if (requested !== undefined && !isAddressEqual(account.address, requested)) {
    throw new UnauthorizedProviderError(
      new Error(
        `The dev account in use is ${account.address}, not ${requested}. Pick it in the account picker.`,
      ),
    );
  }
}

function hexToBigint(value: Hex | undefined): bigint | undefined {
  return value === undefined ? undefined : fromHex(value, "bigint");
}

async function sendTransaction(chain: Chain, account: PrivateKeyAccount, request: RpcTransactionRequest) {
  assertSigner(account, request.from);
  const walletClient = createWalletClient({ account, chain, transport: http(rpcUrlOf(chain)) });
  const data = request.data ?? request.input;
  const value = hexToBigint(request.value);
  const gas = hexToBigint(request.gas);
  const nonce = request.nonce === undefined ? undefined : fromHex(request.nonce, "number");
  const maxFeePerGas = hexToBigint(request.maxFeePerGas);
  const maxPriorityFeePerGas = hexToBigint(request.maxPriorityFeePerGas);
  const gasPrice = hexToBigint(request.gasPrice);
  const common = {
    ...(request.to ? { to: request.to } : {}),
    ...(data === undefined ? {} : { data }),
    ...(value === undefined ? {} : { value }),
    ...(gas === undefined ? {} : { gas }),
    ...(nonce === undefined ? {} : { nonce }),
  };
  // The key signs here in the page; the RPC only ever sees eth_sendRawTransaction.
  if (gasPrice !== undefined && maxFeePerGas === undefined) {
    return walletClient.sendTransaction({ ...common, gasPrice });
  }
  return walletClient.sendTransaction({
    ...common,
    ...(maxFeePerGas === undefined ? {} : { maxFeePerGas }),
    ...(maxPriorityFeePerGas === undefined ? {} : { maxPriorityFeePerGas }),
  });
}

/**
 * An EIP-1193 provider backed by anvil's dev private keys: signs in the page with viem's
 * `privateKeyToAccount` and forwards reads to the chain's RPC. For local chains and tests only.
 */
export function createDevAccountProvider({ chain, getAccount, isConnected }: DevAccountProviderOptions) {
  const rpc = http(rpcUrlOf(chain))({ chain, retryCount: 0 });

  const request = async ({ method, params }: { method: string; params?: unknown }): Promise<unknown> => {
    if (!SIGNING_METHODS.has(method))
      return rpc.request({ method, params } as Parameters<EIP1193RequestFn>[0]);
    const account = privateKeyToAccount(getAccount().privateKey);
    const args = (params ?? []) as readonly unknown[];
    switch (method) {
      case "eth_chainId":
        return numberToHex(chain.id);
      case "eth_accounts":
        return isConnected() ? [account.address] : [];
      case "eth_requestAccounts":
        return [account.address];
      case "wallet_switchEthereumChain": {
        const [{ chainId }] = args as [{ chainId: Hex }];
        if (fromHex(chainId, "number") !== chain.id) {
          throw new SwitchChainError(new Error(`The dev account connector only knows chain ${chain.id}.`));
        }
        return null;
      }
      case "personal_sign": {
        const [message, address] = args as [Hex, Address];
        assertSigner(account, address);
        return account.signMessage({ message: { raw: message } });
      }
      case "eth_sign": {
        const [address, message] = args as [Address, Hex];
        assertSigner(account, address);
        return account.signMessage({ message: { raw: message } });
      }
      case "eth_signTypedData_v4": {
        const [address, typedData] = args as [Address, string];
        assertSigner(account, address);
        return account.signTypedData(JSON.parse(typedData) as TypedDataDefinition);
      }
      case "eth_sendTransaction": {
        const [transaction] = args as [RpcTransactionRequest];
        return sendTransaction(chain, account, transaction);
      }
      default:
        throw new UnsupportedProviderMethodError(
          new Error(`The dev account connector does not support ${method}.`),
        );
    }
  };

  return custom({ request })({ retryCount: 0 });
}

export type DevAccountProvider = ReturnType<typeof createDevAccountProvider>;
