import { type FormEvent, useId, useRef, useState } from "react";
import type { MarketConfig } from "../config/appConfigSchema";
import { describeError } from "../errors/describeError";
import { ErrorNotice } from "../errors/ErrorNotice";
import { formatTokenAmount } from "../format/formatTokenAmount";
import { useRequestSubmission } from "../requests/useRequestSubmission";
import { AmountInput } from "../ui/AmountInput";
import { ChoiceGroup } from "../ui/ChoiceGroup";
import { QueryError } from "../ui/QueryError";
import { buildOrderSubmission } from "./buildOrderSubmission";
import { CollateralTokenSelect } from "./CollateralTokenSelect";
import { OrderPreviewPanel } from "./OrderPreviewPanel";
import { type FieldName, isIncreaseKind, type OrderKind } from "./orderForm";
import { TriggerOrderSummary } from "./TriggerOrderSummary";
import { useOrderTicket } from "./useOrderTicket";

const KINDS = [
  { value: "market", label: "Market" },
  { value: "limit", label: "Limit" },
  { value: "take-profit", label: "Take profit" },
  { value: "stop-loss", label: "Stop loss" },
] as const;

/** "Enter …" problems wait for a first submit; real problems (balance, leverage) show as you type. */
const isPrompt = (message: string) => /^Enter /.test(message);

function submitLabel(kind: OrderKind, side: "long" | "short"): string {
  if (kind === "market") return side === "long" ? "Open long" : "Open short";
  if (kind === "limit") return `Place limit ${side}`;
  return kind === "take-profit" ? "Set take profit" : "Set stop loss";
}

/**
 * The order ticket: long or short, collateral and amount, leverage or size, slippage, market or
 * limit / take-profit / stop-loss, an exact preview, and validation before anything is sent.
 */
export function OrderForm({ market }: { market: MarketConfig }) {
  const ticket = useOrderTicket(market);
  const submission = useRequestSubmission({ ...ticket.errorContext, token: ticket.collateralToken.address });
  const [attempted, setAttempted] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const titleId = useId();
  const { values, update, problems } = ticket;
  const increase = isIncreaseKind(values.kind);

  const visible = problems.filter((problem) => attempted || !isPrompt(problem.message));
  const fieldError = (field: FieldName) => visible.find((problem) => problem.field === field)?.message;
  const formProblems = visible.filter((problem) => problem.field === "form");
  const notConnected = ticket.account === undefined;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (notConnected || problems.length > 0) {
      // Focus the first thing to fix, so keyboard and screen-reader users land on it.
      requestAnimationFrame(() => {
        formRef.current?.querySelector<HTMLElement>("[aria-invalid='true'], .order-problems")?.focus();
      });
      return;
    }
    const built = buildOrderSubmission(ticket, market);
    if (built === undefined) return;
    submission.mutate(built, {
      onSuccess: () => {
        ticket.reset();
        setAttempted(false);
      },
    });
  }

  const balanceText =
    ticket.collateralBalance === undefined
      ? undefined
      : `Balance: ${formatTokenAmount(ticket.collateralBalance, ticket.collateralToken.decimals, { symbol: ticket.collateralToken.symbol })}`;

  return (
    <section className="card order-form" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        Order
      </h2>
      <form ref={formRef} noValidate onSubmit={onSubmit}>
        <ChoiceGroup
          legend="Order type"
          choices={KINDS}
          value={values.kind}
          onChange={(kind) => update({ kind })}
        />
        <ChoiceGroup
          legend="Direction"
          choices={[
            { value: "long", label: "Long", tone: "long" },
            { value: "short", label: "Short", tone: "short" },
          ]}
          value={values.side}
          onChange={(side) => update({ side })}
        />
        <CollateralTokenSelect
          market={market}
          value={values.collateral}
          onChange={(collateral) => update({ collateral })}
        />
        {increase && (
          <AmountInput
            label={`Collateral (${ticket.collateralToken.symbol})`}
            value={values.collateralAmount}
            onChange={(collateralAmount) => update({ collateralAmount })}
            unit={ticket.collateralToken.symbol}
            hint={balanceText}
            error={fieldError("collateralAmount")}
            onMax={
              ticket.collateralBalance === undefined
                ? undefined
                : () =>
                    update({
                      collateralAmount: formatTokenAmount(
                        ticket.collateralBalance ?? 0n,
                        ticket.collateralToken.decimals,
                        {
                          maxFractionDigits: ticket.collateralToken.decimals,
                        },
                      ).replace(/,/g, ""),
                    })
            }
          />
        )}
        {increase && (
          <>
            <ChoiceGroup
              legend="Size by"
              choices={[
                { value: "leverage", label: "Leverage" },
                { value: "size", label: "Size in USD" },
              ]}
              value={values.sizeMode}
              onChange={(sizeMode) => update({ sizeMode })}
            />
            {values.sizeMode === "leverage" ? (
              <AmountInput
                label="Leverage"
                value={values.leverage}
                onChange={(leverage) => update({ leverage })}
                unit="x"
                error={fieldError("leverage")}
                placeholder="5"
              />
            ) : (
              <AmountInput
                label="Size (USD)"
                value={values.sizeUsd}
                onChange={(sizeUsd) => update({ sizeUsd })}
                unit="USD"
                error={fieldError("sizeUsd")}
              />
            )}
          </>
        )}
        {values.kind !== "market" && (
          <AmountInput
            label={`Trigger price (USD per ${market.indexToken.symbol})`}
            value={values.triggerPrice}
            onChange={(triggerPrice) => update({ triggerPrice })}
            unit="USD"
            error={fieldError("triggerPrice")}
            hint={
              values.kind === "limit"
                ? `Opens when the price reaches it (${values.side === "long" ? "at or below" : "at or above"}).`
                : "Closes when the price reaches it."
            }
          />
        )}
        {!increase && (
          <AmountInput
            label="Size to close (USD)"
            value={values.closeSizeUsd}
            onChange={(closeSizeUsd) => update({ closeSizeUsd })}
            unit="USD"
            error={fieldError("closeSizeUsd")}
            hint="Leave empty to close the whole position."
          />
        )}
        <AmountInput
          label="Slippage tolerance"
          value={values.slippagePercent}
          onChange={(slippagePercent) => update({ slippagePercent })}
          unit="%"
          error={fieldError("slippagePercent")}
          hint="The order is cancelled and refunded if the price moves further than this."
        />
        {ticket.priceError !== null && ticket.priceError !== undefined && (
          <QueryError error={ticket.priceError} />
        )}
        {ticket.chainError !== null && ticket.chainError !== undefined && (
          <QueryError error={ticket.chainError} />
        )}
        {increase ? (
          <OrderPreviewPanel
            market={market}
            preview={ticket.preview}
            isLong={values.side === "long"}
            executionFee={ticket.executionFee}
            prices={ticket.prices}
            placeholder={
              ticket.prices === undefined
                ? "Waiting for prices…"
                : "Enter the collateral and leverage to see the preview."
            }
          />
        ) : (
          <TriggerOrderSummary ticket={ticket} market={market} />
        )}
        {(formProblems.length > 0 || (attempted && notConnected)) && (
          <ul
            className="order-problems"
            tabIndex={-1}
            aria-label="Why the order can't be sent yet"
            aria-live="polite"
          >
            {attempted && notConnected && <li>Connect a wallet to trade (the button at the top right).</li>}
            {formProblems.map((problem) => (
              <li key={problem.message}>{problem.message}</li>
            ))}
          </ul>
        )}
        <button
          type="submit"
          className={`button button--wide button--primary order-form__submit`}
          data-side={values.side}
          disabled={submission.isPending}
        >
          {submission.isPending ? "Confirm in your wallet…" : submitLabel(values.kind, values.side)}
        </button>
        {submission.error !== null && (
          <ErrorNotice
            description={describeError(submission.error, {
              ...ticket.errorContext,
              token: ticket.collateralToken.address,
            })}
            headingLevel={3}
          />
        )}
      </form>
    </section>
  );
}
