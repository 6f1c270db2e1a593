import { useEffect, useId, useRef, useState } from "react";
import { useConnection } from "wagmi";
import { shortenAddress } from "../format/formatAddress";
import { AccountDetails } from "./AccountDetails";
import { ConnectOptions } from "./ConnectOptions";

/** The header's wallet control: "Connect wallet", or the connected address with an account menu. */
export function WalletButton() {
  const connection = useConnection();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLElement>(null);

  const close = () => {
    setOpen(false);
    toggleRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    panelRef.current?.querySelector<HTMLElement>("button, select")?.focus();
  }, [open]);

  const connected = connection.status === "connected";
  const label = connected ? shortenAddress(connection.address) : "Connect wallet";

  return (
    <div className="wallet">
      <button
        ref={toggleRef}
        type="button"
        className={`button ${connected ? "button--quiet" : "button--primary"} wallet__toggle`}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={connected ? `Account ${connection.address}` : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        {connection.status === "reconnecting" || connection.status === "connecting" ? "Connecting…" : label}
      </button>
      <section
        ref={panelRef}
        id={panelId}
        className="wallet__panel"
        hidden={!open}
        aria-label={connected ? "Account" : "Connect a wallet"}
        onKeyDown={(event) => {
          if (event.key === "Escape") close();
        }}
      >
        {open &&
          (connected ? (
            <AccountDetails
              address={connection.address}
              connector={connection.connector}
              onDisconnected={close}
            />
          ) : (
            <ConnectOptions onConnected={close} />
          ))}
      </section>
    </div>
  );
}
