import { exchangeAbi, poolTokenAbi } from "@bastion/contracts";
import { type Address, type Client, erc20Abi } from "viem";
import { multicall } from "viem/actions";
import type { MarketState, VaultTokenBalances } from "../mirror/types.js";
import { type MulticallOptions, multicallSettings } from "./multicall.js";
import { type BlockContext, readBlock } from "./readBlock.js";

/** Parameters of {@link readMarketState}. */
export interface ReadMarketStateParameters extends MulticallOptions {
  exchange: Address;
  /** The market id (its pool token address). */
  market: Address;
  /** Pin the read to this block; default the latest block. */
  blockNumber?: bigint;
  /** Also read the vault's real ERC-20 balances (what `getSolvency` counts as assets). Default false. */
  includeVaultBalances?: boolean;
}

/** A market read at one block, with what the mirror needs beside `getMarket`. */
export interface MarketSnapshot extends BlockContext {
  market: Address;
  /** `exchange.getMarket(market)`. */
  state: MarketState;
  /** The pool token's total supply (shares). */
  totalSupply: bigint;
  /** The vault's ERC-20 balances, when asked for. */
  vaultBalances: VaultTokenBalances | undefined;
}

/**
 * Reads a market's state and its pool token supply in one multicall pinned to a block (plus one
 * `eth_getBlockByNumber` for the block's timestamp, in parallel when `blockNumber` is given; a
 * second multicall for the vault balances when asked for).
 *
 * @example
 * const snapshot = await readMarketState(client, { exchange, market });
 * const rates = accruedRates(snapshot.state, prices, snapshot.timestamp);
 * poolValueUsd(snapshot.state, rates, prices, true, true); // = getPoolValue at snapshot.blockNumber
 */
export async function readMarketState(
  client: Client,
  parameters: ReadMarketStateParameters,
): Promise<MarketSnapshot> {
  const settings = multicallSettings(client, parameters);
  const block =
    parameters.blockNumber === undefined
      ? await readBlock(client)
      : { blockNumber: parameters.blockNumber, timestamp: undefined };
  const [timestamp, [state, totalSupply]] = await Promise.all([
    block.timestamp ?? readBlock(client, { blockNumber: block.blockNumber }).then((b) => b.timestamp),
    multicall(client, {
      ...settings,
      allowFailure: false,
      blockNumber: block.blockNumber,
      contracts: [
        {
          address: parameters.exchange,
          abi: exchangeAbi,
          functionName: "getMarket",
          args: [parameters.market],
        },
        { address: parameters.market, abi: poolTokenAbi, functionName: "totalSupply" },
      ],
    }),
  ]);
  let vaultBalances: VaultTokenBalances | undefined;
  if (parameters.includeVaultBalances === true) {
    const [longToken, shortToken] = await multicall(client, {
      ...settings,
      allowFailure: false,
      blockNumber: block.blockNumber,
      contracts: [
        { address: state.longToken, abi: erc20Abi, functionName: "balanceOf", args: [parameters.market] },
        { address: state.shortToken, abi: erc20Abi, functionName: "balanceOf", args: [parameters.market] },
      ],
    });
    vaultBalances = { longToken, shortToken };
  }
  return {
    market: parameters.market,
    blockNumber: block.blockNumber,
    timestamp,
    state,
    totalSupply,
    vaultBalances,
  };
}
