import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";

export type TxStatusTone = "info" | "success" | "error";
export type TxStatusMessage = { id: number; text: string; tone: TxStatusTone };

type TxStatusContextValue = {
  current: TxStatusMessage | undefined;
  /** Announces a transaction or wallet status change to screen readers and shows it in the status bar. */
  announce: (text: string, tone?: TxStatusTone) => void;
};

const TxStatusContext = createContext<TxStatusContextValue | undefined>(undefined);

export function TxStatusProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<TxStatusMessage | undefined>(undefined);
  const announce = useCallback((text: string, tone: TxStatusTone = "info") => {
    setCurrent((previous) => ({ id: (previous?.id ?? 0) + 1, text, tone }));
  }, []);
  const value = useMemo(() => ({ current, announce }), [current, announce]);
  return <TxStatusContext.Provider value={value}>{children}</TxStatusContext.Provider>;
}

export function useTxStatus(): TxStatusContextValue {
  const value = useContext(TxStatusContext);
  if (value === undefined) throw new Error("useTxStatus must be used inside <TxStatusProvider>");
  return value;
}
