import { claimEth, claimFunds } from "@bastion/sdk";
import { useId } from "react";
import type { Address } from "viem";
import { useClaimable } from "../chain/useAccountData";
import { useAppConfig } from "../config/AppConfigContext";
import { describeError } from "../errors/describeError";
import { ErrorNotice } from "../errors/ErrorNotice";
import { tokenAmountText } from "../errors/errorArgumentText";
import { useErrorContext } from "../errors/useErrorContext";
import { formatTokenAmount } from "../format/formatTokenAmount";
import { Notice } from "../ui/Notice";
import { QueryError } from "../ui/QueryError";
import { useWalletAction } from "../wallet/useWalletAction";

/** Funds and ETH a failed transfer left owed to the account, each with a claim button. */
export function ClaimableCard({ account }: { account: Address }) {
  const claimable = useClaimable(account);
  const config = useAppConfig();
  const errorContext = useErrorContext();
  const action = useWalletAction(errorContext);
  const titleId = useId();
  const data = claimable.data;
  const nothing = data !== undefined && data.eth === 0n && data.funds.length === 0;
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        Claimable
      </h2>
      {claimable.error !== null && data === undefined && <QueryError error={claimable.error} />}
      {nothing && <Notice>Nothing to claim. Transfers your wallet refused would wait here.</Notice>}
      {data !== undefined && !nothing && (
        <ul className="claim-list">
          {data.eth > 0n && (
            <li className="claim">
              <span>{formatTokenAmount(data.eth, 18, { symbol: "ETH" })}</span>
              <button
                type="button"
                className="button"
                disabled={action.isPending}
                onClick={() =>
                  action.mutate({
                    label: "Claiming ETH",
                    done: "ETH claimed.",
                    run: (client, exchange) => claimEth(client, { exchange }),
                  })
                }
              >
                Claim ETH
              </button>
            </li>
          )}
          {data.funds.map((fund) => {
            const text = tokenAmountText({ markets: config.markets }, fund.token, fund.amount);
            return (
              <li key={`${fund.market}-${fund.token}`} className="claim">
                <span>{text}</span>
                <button
                  type="button"
                  className="button"
                  disabled={action.isPending}
                  onClick={() =>
                    action.mutate({
                      label: `Claiming ${text}`,
                      done: `${text} claimed.`,
                      run: (client, exchange) =>
                        claimFunds(client, { exchange, market: fund.market, token: fund.token }),
                    })
                  }
                >
                  Claim <span className="visually-hidden">{text}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {action.error !== null && (
        <ErrorNotice description={describeError(action.error, errorContext)} headingLevel={3} />
      )}
    </section>
  );
}
