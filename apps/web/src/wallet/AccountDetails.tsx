import { type Address, isAddressEqual } from "viem";
import { type Connector, useDisconnect } from "wagmi";
import { shortenAddress } from "../format/formatAddress";
import { useTxStatus } from "../status/TxStatusContext";
import { DevAccountPicker } from "./DevAccountPicker";
import { type DevAccountConnector, isDevAccountConnector } from "./devAccountConnector";
import { ANVIL_DEV_ACCOUNTS } from "./devAccounts";

export type AccountDetailsProps = {
  address: Address;
  connector: Connector;
  onDisconnected: () => void;
};

/** The connected account: its full address, the dev-account switcher, and disconnect. */
export function AccountDetails({ address, connector, onDisconnected }: AccountDetailsProps) {
  const disconnect = useDisconnect();
  const { announce } = useTxStatus();

  async function switchDevAccount(devConnector: DevAccountConnector, index: number) {
    await devConnector.selectAccount(index);
    const next = ANVIL_DEV_ACCOUNTS[index];
    if (next !== undefined) announce(`Switched to dev account #${index} (${shortenAddress(next.address)}).`);
  }

  async function disconnectWallet() {
    await disconnect.mutateAsync({ connector }).catch(() => undefined);
    announce("Wallet disconnected.");
    onDisconnected();
  }

  return (
    <div className="account-details">
      <p className="account-details__connector">Connected with {connector.name}</p>
      <p className="account-details__address">
        <code>{address}</code>
      </p>
      {isDevAccountConnector(connector) && (
        <DevAccountPicker
          value={ANVIL_DEV_ACCOUNTS.findIndex((account) => isAddressEqual(account.address, address))}
          onChange={(index) => switchDevAccount(connector, index)}
        />
      )}
      <button type="button" className="button button--wide button--quiet" onClick={disconnectWallet}>
        Disconnect
      </button>
    </div>
  );
}
