import type { RequestKind } from "@bastion/sdk";
import { useQueryClient } from "@tanstack/react-query";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { Address } from "viem";
import { useExchange } from "../chain/useExchange";
import { useTxStatus } from "../status/TxStatusContext";
import { type RequestOutcome, readRequestOutcome } from "./readRequestOutcome";

/** A request this browser created, followed until a keeper executes or cancels it. */
export type TrackedRequest = {
  kind: RequestKind;
  id: bigint;
  market: Address;
  account: Address;
  /** Block of the creating transaction (events are searched from there). */
  fromBlock: bigint;
  /** "Open long ETH/USD, $10,000" */
  label: string;
  /** Where the request was made ("trade", "positions", "earn"), to show it there. */
  origin: string;
  /** Wall-clock unix seconds when this page sent it. */
  submittedAt: number;
  outcome: RequestOutcome;
};

type RequestTrackerValue = {
  requests: readonly TrackedRequest[];
  track: (request: Omit<TrackedRequest, "outcome" | "submittedAt">) => void;
  dismiss: (id: bigint) => void;
};

const RequestTrackerContext = createContext<RequestTrackerValue | undefined>(undefined);

const POLL_MS = 1_000;

function outcomeText(request: TrackedRequest): string | undefined {
  if (request.outcome.status === "executed") return `${request.label}: executed.`;
  if (request.outcome.status === "cancelled") return `${request.label}: cancelled.`;
  return undefined;
}

/**
 * Follows the requests created in this page until each is executed or cancelled: polls the
 * exchange (is it still pending?) and reads the outcome from events, then refreshes every chain
 * query so positions, balances and pools show the result.
 */
export function RequestTrackerProvider({ children }: { children: ReactNode }) {
  const { client, exchange } = useExchange();
  const queryClient = useQueryClient();
  const { announce } = useTxStatus();
  const [requests, setRequests] = useState<TrackedRequest[]>([]);
  const requestsRef = useRef(requests);
  requestsRef.current = requests;

  const track = useCallback((request: Omit<TrackedRequest, "outcome" | "submittedAt">) => {
    const tracked: TrackedRequest = {
      ...request,
      submittedAt: Math.floor(Date.now() / 1000),
      outcome: { status: "pending" },
    };
    setRequests((current) => [tracked, ...current.filter((r) => r.id !== request.id)]);
  }, []);
  const dismiss = useCallback((id: bigint) => {
    setRequests((current) => current.filter((request) => request.id !== id));
  }, []);

  const hasPending = requests.some((request) => request.outcome.status === "pending");
  useEffect(() => {
    if (!hasPending) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const pending = requestsRef.current.filter((request) => request.outcome.status === "pending");
      const resolved = new Map<bigint, RequestOutcome>();
      for (const request of pending) {
        try {
          const outcome = await readRequestOutcome(client, { ...request, exchange });
          if (outcome.status !== "pending") resolved.set(request.id, outcome);
        } catch {
          // The node did not answer: ask again at the next poll (the footer shows the RPC's state).
        }
      }
      if (stopped) return;
      if (resolved.size > 0) {
        for (const request of pending) {
          const outcome = resolved.get(request.id);
          if (outcome === undefined) continue;
          const text = outcomeText({ ...request, outcome });
          if (text !== undefined) announce(text, outcome.status === "executed" ? "success" : "error");
        }
        setRequests((current) =>
          current.map((request) => {
            const outcome = resolved.get(request.id);
            return outcome === undefined ? request : { ...request, outcome };
          }),
        );
        await queryClient.invalidateQueries({ queryKey: ["bastion"] });
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS / 2);
    return () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [hasPending, client, exchange, queryClient, announce]);

  const value = useMemo(() => ({ requests, track, dismiss }), [requests, track, dismiss]);
  return <RequestTrackerContext.Provider value={value}>{children}</RequestTrackerContext.Provider>;
}

export function useRequestTracker(): RequestTrackerValue {
  const value = useContext(RequestTrackerContext);
  if (value === undefined) throw new Error("useRequestTracker must be used inside <RequestTrackerProvider>");
  return value;
}
