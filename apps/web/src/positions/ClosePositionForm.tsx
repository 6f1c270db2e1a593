import { isMirrorRevert } from "@bastion/risk";
import { acceptablePrice, createOrder, type Position } from "@bastion/sdk";
import { type FormEvent, useState } from "react";
import type { MarketConfig } from "../config/appConfigSchema";
import { describeError } from "../errors/describeError";
import { describeMirrorRevert } from "../errors/describeMirrorRevert";
import { ErrorNotice } from "../errors/ErrorNotice";
import { useErrorContext } from "../errors/useErrorContext";
import { formatTokenPriceUsd } from "../format/formatPriceUsd";
import { formatUsd, USD_DECIMALS } from "../format/formatUsd";
import { parseDecimal } from "../format/parseDecimal";
import { useRequestSubmission } from "../requests/useRequestSubmission";
import { AmountInput } from "../ui/AmountInput";
import { type Stat, StatList, toneOf } from "../ui/StatList";
import { netPnlUsd, previewClose } from "./decreasePnl";
import type { PositionContext } from "./usePositionContext";

const DEFAULT_SLIPPAGE_BPS = 30n;

/** Closes all or part of a position at market, with the PnL after fees previewed exactly. */
export function ClosePositionForm({
  market,
  position,
  context,
  onSent,
}: {
  market: MarketConfig;
  position: Position;
  context: PositionContext;
  onSent: () => void;
}) {
  const [sizeText, setSizeText] = useState("");
  const [slippageText, setSlippageText] = useState("0.3");
  const errorContext = useErrorContext(market);
  const submission = useRequestSubmission(errorContext);
  const parsedSize = parseDecimal(sizeText, USD_DECIMALS);
  const sizeDeltaUsd = parsedSize.ok ? parsedSize.value : position.sizeUsd;
  const parsedSlippage = parseDecimal(slippageText, 2);
  const slippageBps = parsedSlippage.ok ? parsedSlippage.value : DEFAULT_SLIPPAGE_BPS;
  const sizeError =
    !parsedSize.ok && parsedSize.reason !== "empty"
      ? parsedSize.message
      : sizeDeltaUsd === 0n
        ? "Enter the size to close."
        : sizeDeltaUsd > position.sizeUsd
          ? `The position is only ${formatUsd(position.sizeUsd)}.`
          : undefined;
  const slippageError =
    !parsedSlippage.ok || slippageBps === 0n || slippageBps > 500n
      ? "Slippage must be between 0.01% and 5%."
      : undefined;

  const { state, prices, timestamp } = context;
  const close =
    state === undefined || prices === undefined || sizeError !== undefined
      ? undefined
      : previewClose({ state, position, sizeDeltaUsd, prices, timestamp });
  const refusal =
    close !== undefined && !close.ok
      ? isMirrorRevert(close.error)
        ? describeMirrorRevert(close.error, errorContext)
        : describeError(close.error, errorContext)
      : undefined;
  const preview = close?.ok ? close.preview : undefined;
  const bound =
    preview === undefined
      ? undefined
      : acceptablePrice({
          orderType: "MarketDecrease",
          isLong: position.isLong,
          price: preview.executionPrice,
          slippageBps,
        });
  const price = (value: bigint) => formatTokenPriceUsd(value, market.indexToken.decimals);
  const full = sizeDeltaUsd === position.sizeUsd;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (preview === undefined || bound === undefined || slippageError !== undefined) return;
    submission.mutate(
      {
        kind: "order",
        market: market.address,
        label: `${full ? "Close" : "Reduce"} ${position.isLong ? "long" : "short"} ${market.symbol} ${formatUsd(sizeDeltaUsd)}`,
        origin: "positions",
        send: (client, exchange) =>
          createOrder(client, {
            exchange,
            market: market.address,
            collateralToken: position.collateralToken,
            isLong: position.isLong,
            orderType: "MarketDecrease",
            sizeDeltaUsd,
            collateralDeltaAmount: 0n,
            acceptablePrice: bound,
          }),
      },
      { onSuccess: onSent },
    );
  }

  const stats: Stat[] =
    preview === undefined
      ? []
      : [
          { label: "Exit price", value: price(preview.executionPrice), id: "close-exit-price" },
          {
            label: "PnL after fees",
            value: formatUsd(netPnlUsd(preview.amounts), { sign: "always" }),
            tone: toneOf(netPnlUsd(preview.amounts)),
            id: "close-pnl",
          },
          {
            label: "Fees",
            value: formatUsd(
              preview.amounts.positionFeeUsd +
                preview.amounts.borrowingFeeUsd +
                preview.amounts.fundingFeeUsd,
            ),
            id: "close-fees",
          },
          {
            label: "Acceptable price",
            value: bound === undefined ? "—" : price(bound),
            id: "close-acceptable-price",
          },
        ];
  return (
    <form className="position-action" noValidate onSubmit={onSubmit} aria-label="Close position">
      <AmountInput
        label="Size to close (USD)"
        value={sizeText}
        onChange={setSizeText}
        unit="USD"
        placeholder={formatUsd(position.sizeUsd).replace(/[$,]/g, "")}
        hint="Empty closes the whole position."
        error={sizeText === "" ? undefined : sizeError}
        onMax={() => setSizeText("")}
        maxLabel="All"
      />
      <AmountInput
        label="Slippage tolerance"
        value={slippageText}
        onChange={setSlippageText}
        unit="%"
        error={slippageError}
      />
      {stats.length > 0 && <StatList stats={stats} label="Close preview" />}
      {refusal !== undefined && <ErrorNotice description={refusal} headingLevel={3} />}
      <button
        type="submit"
        className="button button--primary button--wide"
        disabled={submission.isPending || preview === undefined || slippageError !== undefined}
      >
        {submission.isPending ? "Confirm in your wallet…" : full ? "Close position" : "Reduce position"}
      </button>
      {submission.error !== null && (
        <ErrorNotice description={describeError(submission.error, errorContext)} headingLevel={3} />
      )}
    </form>
  );
}
