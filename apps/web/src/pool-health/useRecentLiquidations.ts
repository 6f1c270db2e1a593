import { exchangeAbi } from "@bastion/contracts";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Address, Hex } from "viem";
import { getBlock, getBlockNumber, getContractEvents } from "viem/actions";
import { CHAIN_POLL_MS } from "../chain/polling";
import { useExchange } from "../chain/useExchange";

/** A liquidation of the pool, with the shortfall it left (if any) and who absorbed it. */
export type LiquidationRecord = {
  positionKey: Hex;
  account: Address;
  liquidator: Address;
  isPartial: boolean;
  sizeClosedUsd: bigint;
  indexPrice: bigint;
  remainingCollateralUsd: bigint;
  maintenanceMarginUsd: bigint;
  blockNumber: bigint;
  timestamp: bigint | undefined;
  transactionHash: Hex;
  shortfall: { shortfallUsd: bigint; coveredByInsuranceUsd: bigint; absorbedByLpUsd: bigint } | undefined;
};

/** How far back the page looks for liquidations (blocks), and how many it lists. */
const LOOKBACK_BLOCKS = 200_000n;
const MAX_ROWS = 20;

/**
 * The pool's most recent liquidations (`PositionLiquidated`) joined with the shortfalls
 * (`ShortfallRecorded`) recorded in the same transaction, newest first.
 */
export function useRecentLiquidations(market: Address) {
  const { client, exchange, config } = useExchange();
  return useQuery({
    queryKey: ["bastion", config.chainId, exchange, "liquidations", market],
    queryFn: async (): Promise<LiquidationRecord[]> => {
      const head = await getBlockNumber(client, { cacheTime: 0 });
      const start = BigInt(config.indexerStartBlock ?? 0);
      const fromBlock = head > LOOKBACK_BLOCKS + start ? head - LOOKBACK_BLOCKS : start;
      const [liquidations, shortfalls] = await Promise.all([
        getContractEvents(client, {
          address: exchange,
          abi: exchangeAbi,
          eventName: "PositionLiquidated",
          args: { market },
          fromBlock,
          strict: true,
        }),
        getContractEvents(client, {
          address: exchange,
          abi: exchangeAbi,
          eventName: "ShortfallRecorded",
          args: { market },
          fromBlock,
          strict: true,
        }),
      ]);
      const recent = liquidations.slice(-MAX_ROWS).reverse();
      const blocks = [...new Set(recent.map((log) => log.blockNumber))];
      const timestamps = new Map(
        await Promise.all(
          blocks.map(
            async (blockNumber) =>
              [blockNumber, (await getBlock(client, { blockNumber })).timestamp] as const,
          ),
        ),
      );
      return recent.map((log) => {
        const shortfall = shortfalls.find(
          (entry) =>
            entry.transactionHash === log.transactionHash && entry.args.positionKey === log.args.positionKey,
        );
        return {
          positionKey: log.args.positionKey,
          account: log.args.account,
          liquidator: log.args.liquidator,
          isPartial: log.args.isPartial,
          sizeClosedUsd: log.args.sizeClosedUsd,
          indexPrice: log.args.indexPrice,
          remainingCollateralUsd: log.args.remainingCollateralUsd,
          maintenanceMarginUsd: log.args.maintenanceMarginUsd,
          blockNumber: log.blockNumber,
          timestamp: timestamps.get(log.blockNumber),
          transactionHash: log.transactionHash,
          shortfall:
            shortfall === undefined
              ? undefined
              : {
                  shortfallUsd: shortfall.args.shortfallUsd,
                  coveredByInsuranceUsd: shortfall.args.coveredByInsuranceUsd,
                  absorbedByLpUsd: shortfall.args.absorbedByLpUsd,
                },
        };
      });
    },
    refetchInterval: CHAIN_POLL_MS * 2,
    placeholderData: keepPreviousData,
  });
}
