import { exchangeAbi } from "@bastion/contracts";
import type { Address, Chain, Client, Hex, Transport } from "viem";
import { getBlock, getContractEvents } from "viem/actions";

/** One liquidation read from the chain (`PositionLiquidated` and its `ShortfallRecorded`, if any). */
export interface ChainLiquidation {
  positionKey: Hex;
  market: Address;
  blockNumber: bigint;
  /** The block's timestamp (the replay's frozen clock: the path point's time). */
  timestamp: bigint;
  liquidator: Address;
  isPartial: boolean;
  sizeClosedUsd: bigint;
  /** Index price it closed at, USD 30 decimals per smallest unit. */
  indexPrice: bigint;
  remainingCollateralUsd: bigint;
  maintenanceMarginUsd: bigint;
  shortfallUsd: bigint;
  coveredByInsuranceUsd: bigint;
  absorbedByLpUsd: bigint;
}

/**
 * Every liquidation the exchange emitted in blocks `fromBlock..toBlock`, in chain order, each with the
 * shortfall recorded in the same transaction for the same position.
 */
export async function readChainLiquidations(
  client: Client<Transport, Chain | undefined>,
  parameters: { exchange: Address; fromBlock: bigint; toBlock: bigint },
): Promise<ChainLiquidation[]> {
  if (parameters.toBlock < parameters.fromBlock) return [];
  const range = {
    address: parameters.exchange,
    abi: exchangeAbi,
    fromBlock: parameters.fromBlock,
    toBlock: parameters.toBlock,
  };
  const [liquidated, shortfalls] = await Promise.all([
    getContractEvents(client, { ...range, eventName: "PositionLiquidated", strict: true }),
    getContractEvents(client, { ...range, eventName: "ShortfallRecorded", strict: true }),
  ]);
  const shortfallOf = new Map<string, (typeof shortfalls)[number]>();
  for (const log of shortfalls) shortfallOf.set(`${log.transactionHash}:${log.args.positionKey}`, log);
  const timestamps = new Map<bigint, bigint>();
  for (const blockNumber of new Set(liquidated.map((log) => log.blockNumber))) {
    timestamps.set(blockNumber, (await getBlock(client, { blockNumber })).timestamp);
  }
  return liquidated.map((log) => {
    const shortfall = shortfallOf.get(`${log.transactionHash}:${log.args.positionKey}`);
    return {
      positionKey: log.args.positionKey,
      market: log.args.market,
      blockNumber: log.blockNumber,
      timestamp: timestamps.get(log.blockNumber) ?? 0n,
      liquidator: log.args.liquidator,
      isPartial: log.args.isPartial,
      sizeClosedUsd: log.args.sizeClosedUsd,
      indexPrice: log.args.indexPrice,
      remainingCollateralUsd: log.args.remainingCollateralUsd,
      maintenanceMarginUsd: log.args.maintenanceMarginUsd,
      shortfallUsd: shortfall?.args.shortfallUsd ?? 0n,
      coveredByInsuranceUsd: shortfall?.args.coveredByInsuranceUsd ?? 0n,
      absorbedByLpUsd: shortfall?.args.absorbedByLpUsd ?? 0n,
    };
  });
}
