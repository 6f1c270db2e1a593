import { useConnection, useSwitchChain } from "wagmi";
import { useAppConfig } from "../config/AppConfigContext";
import { describeError } from "../errors/describeError";
import { ErrorNotice } from "../errors/ErrorNotice";
import { useErrorContext } from "../errors/useErrorContext";
import { useTxStatus } from "../status/TxStatusContext";

/** Shown while the connected wallet is on another chain than config.json names, with a switch button. */
export function WrongNetworkBanner() {
  const connection = useConnection();
  const { chainId, chainName } = useAppConfig();
  const switchChain = useSwitchChain();
  const { announce } = useTxStatus();
  const errorContext = useErrorContext();

  if (connection.status !== "connected" || connection.chainId === chainId) return null;

  async function switchNetwork() {
    const switched = await switchChain.mutateAsync({ chainId }).catch(() => undefined);
    if (switched !== undefined) announce(`Switched the wallet to ${chainName}.`, "success");
  }

  return (
    <section className="wrong-network" aria-label="Wrong network">
      <p>
        <strong>Wrong network.</strong> Your wallet is on chain {connection.chainId}; Bastion runs on{" "}
        {chainName} (chain {chainId}).
      </p>
      <button
        type="button"
        className="button button--primary"
        onClick={switchNetwork}
        disabled={switchChain.isPending}
      >
        {switchChain.isPending ? "Switching…" : `Switch to ${chainName}`}
      </button>
      {switchChain.error !== null && (
        <ErrorNotice description={describeError(switchChain.error, errorContext)} headingLevel={3} />
      )}
    </section>
  );
}
