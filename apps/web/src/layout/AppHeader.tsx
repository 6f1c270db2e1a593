import { Link } from "react-router";
import { WalletButton } from "../wallet/WalletButton";
import { MainNav } from "./MainNav";
import { MarketSelector } from "./MarketSelector";
import { HOME_PATH } from "./navigation";

export function AppHeader() {
  return (
    <header className="app-header">
      <Link to={HOME_PATH} className="app-header__brand" aria-label="Bastion, go to Trade">
        Bastion
      </Link>
      <MarketSelector />
      <MainNav />
      <WalletButton />
    </header>
  );
}
