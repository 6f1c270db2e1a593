import type { DomainEvent } from "../model/domain-events.js";

type Of<T extends DomainEvent["type"]> = Extract<DomainEvent, { type: T }>;

/** The typed events one execution emitted for a market before its `PoolStateUpdated`. */
export interface ActionEvents {
  readonly deposits: Of<"DepositExecuted">[];
  readonly withdrawals: Of<"WithdrawalExecuted">[];
  readonly increases: Of<"PositionIncreased">[];
  readonly decreases: Of<"PositionDecreased">[];
  readonly fees: Of<"FeesCollected">[];
  readonly shortfalls: Of<"ShortfallRecorded">[];
  readonly cancels: Of<"RequestCancelled">[];
}

/** An empty {@link ActionEvents}. */
export function emptyActionEvents(): ActionEvents {
  return {
    deposits: [],
    withdrawals: [],
    increases: [],
    decreases: [],
    fees: [],
    shortfalls: [],
    cancels: [],
  };
}

/** Whether nothing was collected. */
export function isEmptyAction(events: ActionEvents): boolean {
  return (
    events.deposits.length +
      events.withdrawals.length +
      events.increases.length +
      events.decreases.length +
      events.fees.length +
      events.shortfalls.length +
      events.cancels.length ===
    0
  );
}
