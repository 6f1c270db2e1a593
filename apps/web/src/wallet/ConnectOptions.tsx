import { useState } from "react";
import { type Connector, useConnect, useConnectors } from "wagmi";
import { useAppConfig } from "../config/AppConfigContext";
import { describeError } from "../errors/describeError";
import { ErrorNotice } from "../errors/ErrorNotice";
import { useErrorContext } from "../errors/useErrorContext";
import { shortenAddress } from "../format/formatAddress";
import { useTxStatus } from "../status/TxStatusContext";
import { DevAccountPicker } from "./DevAccountPicker";
import { isDevAccountConnector } from "./devAccountConnector";

/** The ways to connect: each browser wallet wagmi found, and anvil's dev accounts on a local chain. */
export function ConnectOptions({ onConnected }: { onConnected: () => void }) {
  const connectors = useConnectors();
  const { chainId } = useAppConfig();
  const { announce } = useTxStatus();
  const errorContext = useErrorContext();
  const connect = useConnect();
  const devConnector = connectors.find(isDevAccountConnector);
  const [devIndex, setDevIndex] = useState(() => devConnector?.getAccountIndex() ?? 0);

  async function connectWith(connector: Connector) {
    if (isDevAccountConnector(connector)) await connector.selectAccount(devIndex);
    const result = await connect.mutateAsync({ connector, chainId }).catch(() => undefined);
    const address = result?.accounts[0];
    if (address === undefined) return;
    announce(`Connected ${shortenAddress(address)} with ${connector.name}.`, "success");
    onConnected();
  }

  return (
    <div className="connect-options">
      <ul className="connect-options__list">
        {connectors
          .filter((connector) => !isDevAccountConnector(connector))
          .map((connector) => (
            <li key={connector.uid}>
              <button
                type="button"
                className="button button--wide"
                disabled={connect.isPending}
                onClick={() => connectWith(connector)}
              >
                {connector.name === "Injected" ? "Browser wallet" : connector.name}
              </button>
            </li>
          ))}
      </ul>
      {devConnector !== undefined && (
        <fieldset className="connect-options__dev">
          <legend>Local chain</legend>
          <DevAccountPicker value={devIndex} onChange={setDevIndex} disabled={connect.isPending} />
          <button
            type="button"
            className="button button--wide"
            disabled={connect.isPending}
            onClick={() => connectWith(devConnector)}
          >
            Connect dev account #{devIndex}
          </button>
        </fieldset>
      )}
      {connect.error !== null && (
        <ErrorNotice description={describeError(connect.error, errorContext)} headingLevel={3} />
      )}
    </div>
  );
}
