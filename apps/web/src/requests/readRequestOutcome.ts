import { exchangeAbi } from "@bastion/contracts";
import { getRequest, type RequestKind } from "@bastion/sdk";
import type { Address, Hex } from "viem";
import { getContractEvents } from "viem/actions";
import type { ReadClient } from "../chain/useExchange";

/** What a position change cost or paid (the events' `amounts`), USD with 30 decimals. */
export type TradeAmounts = {
  realizedPnlUsd: bigint;
  priceImpactUsd: bigint;
  positionFeeUsd: bigint;
  borrowingFeeUsd: bigint;
  fundingFeeUsd: bigint;
};

/** How the position changed (the events' `change`). */
export type PositionChange = {
  sizeDeltaUsd: bigint;
  sizeDeltaInTokens: bigint;
  executionPrice: bigint;
  collateralDeltaAmount: bigint;
  sizeUsdAfter: bigint;
  collateralAmountAfter: bigint;
};

export type ExecutedOutcome =
  | {
      status: "executed";
      kind: "order";
      direction: "increase" | "decrease";
      positionKey: Hex;
      isLong: boolean;
      collateralToken: Address;
      change: PositionChange;
      amounts: TradeAmounts;
      blockNumber: bigint;
    }
  | { status: "executed"; kind: "deposit"; sharesMinted: bigint; blockNumber: bigint }
  | {
      status: "executed";
      kind: "withdrawal";
      sharesBurned: bigint;
      longTokenAmount: bigint;
      shortTokenAmount: bigint;
      blockNumber: bigint;
    };

export type RequestOutcome =
  | { status: "pending" }
  | ExecutedOutcome
  | {
      status: "cancelled";
      /** Revert data of the failed execution; "0x" when the owner cancelled or the request expired. */
      reason: Hex;
      account: Address;
      cancelledBy: Address;
      blockNumber: bigint;
    };

export type ReadRequestOutcomeParameters = {
  exchange: Address;
  kind: RequestKind;
  id: bigint;
  account: Address;
  /** The block the request was created in: events are searched from there. */
  fromBlock: bigint;
};

/**
 * Where a two-step request stands: still pending (the exchange still holds it), executed (with its
 * event's figures), or cancelled (with the reason). A request that left the queue but whose event
 * the node does not return yet still counts as pending, so callers simply ask again.
 */
export async function readRequestOutcome(
  client: ReadClient,
  parameters: ReadRequestOutcomeParameters,
): Promise<RequestOutcome> {
  const { exchange, kind, id, account, fromBlock } = parameters;
  const request = await getRequest(client, { exchange, kind, id });
  if (request !== null) return { status: "pending" };

  const cancelled = await getContractEvents(client, {
    address: exchange,
    abi: exchangeAbi,
    eventName: "RequestCancelled",
    args: { id },
    fromBlock,
    strict: true,
  });
  const cancellation = cancelled[0];
  if (cancellation !== undefined) {
    return {
      status: "cancelled",
      reason: cancellation.args.reason,
      account: cancellation.args.account,
      cancelledBy: cancellation.args.cancelledBy,
      blockNumber: cancellation.blockNumber,
    };
  }

  if (kind === "deposit") {
    const [executed] = await getContractEvents(client, {
      address: exchange,
      abi: exchangeAbi,
      eventName: "DepositExecuted",
      args: { id },
      fromBlock,
      strict: true,
    });
    return executed === undefined
      ? { status: "pending" }
      : {
          status: "executed",
          kind,
          sharesMinted: executed.args.sharesMinted,
          blockNumber: executed.blockNumber,
        };
  }
  if (kind === "withdrawal") {
    const [executed] = await getContractEvents(client, {
      address: exchange,
      abi: exchangeAbi,
      eventName: "WithdrawalExecuted",
      args: { id },
      fromBlock,
      strict: true,
    });
    return executed === undefined
      ? { status: "pending" }
      : {
          status: "executed",
          kind,
          sharesBurned: executed.args.sharesBurned,
          longTokenAmount: executed.args.longTokenAmount,
          shortTokenAmount: executed.args.shortTokenAmount,
          blockNumber: executed.blockNumber,
        };
  }
  const [increases, decreases] = await Promise.all([
    getContractEvents(client, {
      address: exchange,
      abi: exchangeAbi,
      eventName: "PositionIncreased",
      args: { account },
      fromBlock,
      strict: true,
    }),
    getContractEvents(client, {
      address: exchange,
      abi: exchangeAbi,
      eventName: "PositionDecreased",
      args: { account },
      fromBlock,
      strict: true,
    }),
  ]);
  const increase = increases.find((log) => log.args.orderId === id);
  if (increase !== undefined) {
    return {
      status: "executed",
      kind,
      direction: "increase",
      positionKey: increase.args.positionKey,
      isLong: increase.args.isLong,
      collateralToken: increase.args.collateralToken,
      change: increase.args.change,
      amounts: increase.args.amounts,
      blockNumber: increase.blockNumber,
    };
  }
  const decrease = decreases.find((log) => log.args.orderId === id);
  if (decrease !== undefined) {
    return {
      status: "executed",
      kind,
      direction: "decrease",
      positionKey: decrease.args.positionKey,
      isLong: decrease.args.isLong,
      collateralToken: decrease.args.collateralToken,
      change: decrease.args.change,
      amounts: decrease.args.amounts,
      blockNumber: decrease.blockNumber,
    };
  }
  return { status: "pending" };
}
