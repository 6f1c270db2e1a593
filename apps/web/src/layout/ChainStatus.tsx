import { useBlockNumber } from "wagmi";
import { useAppConfig } from "../config/AppConfigContext";
import { describeError } from "../errors/describeError";
import { useErrorContext } from "../errors/useErrorContext";

/** The footer's view of the chain: latest block, or why the RPC can't be reached. */
export function ChainStatus() {
  const { chainName } = useAppConfig();
  const errorContext = useErrorContext();
  const block = useBlockNumber({ watch: true, query: { retry: 1 } });

  let text = `${chainName}: connecting…`;
  let state: "ok" | "pending" | "error" = "pending";
  if (block.data !== undefined) {
    text = `${chainName}: block ${block.data.toString()}`;
    state = "ok";
  } else if (block.error !== null) {
    text = `${chainName}: ${describeError(block.error, errorContext).title}`;
    state = "error";
  }
  return (
    <p className="chain-status" data-state={state}>
      <span className="chain-status__dot" aria-hidden="true" />
      {text}
    </p>
  );
}
