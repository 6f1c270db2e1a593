import { ExchangeIndexer, type LpAccounting, MemoryLogStore } from "@bastion/lp-accounting";
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
import { createPublicClient, http } from "viem";
import { useAppConfig } from "../config/AppConfigContext";
import { ANVIL_CHAIN_ID } from "../config/appConfigSchema";
import { chainFromConfig } from "../config/chainFromConfig";
import { coreAddresses } from "../config/marketFeeds";

export type LpAccountingState = {
  /** The projection, once the first run has indexed the chain. */
  accounting: LpAccounting | undefined;
  /** Bumps after every applied run, so figures are recomputed. */
  version: number;
  /** The last run's failure (polling goes on). */
  error: unknown;
};

type LpAccountingValue = LpAccountingState & { start: () => void };

const LpAccountingContext = createContext<LpAccountingValue | undefined>(undefined);

/**
 * Indexes the exchange's pool events in the browser (@bastion/lp-accounting with its in-memory
 * store) once a page first needs LP figures, then follows the chain. The store lives as long as the
 * page: a reload indexes again from `indexerStartBlock`.
 */
export function LpAccountingProvider({ children }: { children: ReactNode }) {
  const config = useAppConfig();
  const [state, setState] = useState<LpAccountingState>({
    accounting: undefined,
    version: 0,
    error: undefined,
  });
  const indexerRef = useRef<ExchangeIndexer | null>(null);
  const [wanted, setWanted] = useState(false);

  useEffect(() => {
    if (!wanted) return;
    const { exchange, oracle } = coreAddresses(config);
    // The indexer retries on its own: no retries underneath it.
    const client = createPublicClient({
      chain: chainFromConfig(config),
      transport: http(config.rpcUrl, { retryCount: 0 }),
    });
    const indexer = new ExchangeIndexer({
      client,
      store: new MemoryLogStore(),
      exchange,
      oracle,
      markets: config.markets.map((market) => market.address),
      startBlock: BigInt(config.indexerStartBlock ?? 0),
      maxBlockRange: 5_000n,
      confirmations: config.chainId === ANVIL_CHAIN_ID ? 0n : 2n,
      pollIntervalMs: 2_000,
      retry: { attempts: 2, baseDelayMs: 250, maxDelayMs: 2_000 },
    });
    indexerRef.current = indexer;
    indexer.start({
      onUpdate: () =>
        setState((current) => ({
          accounting: indexer.accounting,
          version: current.version + 1,
          error: undefined,
        })),
      onError: (error) => setState((current) => ({ ...current, error })),
    });
    return () => {
      indexerRef.current = null;
      void indexer.stop();
    };
  }, [wanted, config]);

  const start = useCallback(() => setWanted(true), []);
  const value = useMemo(() => ({ ...state, start }), [state, start]);
  return <LpAccountingContext.Provider value={value}>{children}</LpAccountingContext.Provider>;
}

/** The browser's LP accounting; starts indexing on first use. */
export function useLpAccounting(): LpAccountingState {
  const value = useContext(LpAccountingContext);
  if (value === undefined) throw new Error("useLpAccounting must be used inside <LpAccountingProvider>");
  const { start } = value;
  useEffect(() => start(), [start]);
  return value;
}
