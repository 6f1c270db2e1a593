import type { MirrorRevert } from "@bastion/risk";
import { createDeposit } from "@bastion/sdk";
import { type FormEvent, useId, useState } from "react";
import type { TokenConfig } from "../config/appConfigSchema";
import { describeError } from "../errors/describeError";
import { describeMirrorRevert } from "../errors/describeMirrorRevert";
import { ErrorNotice } from "../errors/ErrorNotice";
import { formatTokenAmount } from "../format/formatTokenAmount";
import { formatUsd } from "../format/formatUsd";
import { parseDecimal } from "../format/parseDecimal";
import { useRequestSubmission } from "../requests/useRequestSubmission";
import { AmountInput } from "../ui/AmountInput";
import { type Stat, StatList } from "../ui/StatList";
import { previewDepositShares, withSlippage } from "./liquidityPreview";
import { balanceOf, type EarnData } from "./useEarnData";

const plain = (value: bigint, token: TokenConfig) =>
  formatTokenAmount(value, token.decimals, { maxFractionDigits: token.decimals }).replace(/,/g, "");

/** Reads an optional token amount: empty is zero; returns a sentence when unreadable or above the balance. */
function readAmount(
  text: string,
  token: TokenConfig,
  balance: bigint | undefined,
): { amount: bigint; error?: string } {
  const parsed = parseDecimal(text, token.decimals);
  if (!parsed.ok) return parsed.reason === "empty" ? { amount: 0n } : { amount: 0n, error: parsed.message };
  if (balance !== undefined && parsed.value > balance) {
    return {
      amount: parsed.value,
      error: `Insufficient balance: you have ${formatTokenAmount(balance, token.decimals, { symbol: token.symbol })}.`,
    };
  }
  return { amount: parsed.value };
}

/** Deposits either or both pool tokens for pool shares, with the shares previewed exactly. */
export function DepositForm({ data }: { data: EarnData }) {
  const { market, state, info, prices, timestamp } = data;
  const [longText, setLongText] = useState("");
  const [shortText, setShortText] = useState("");
  const [slippageText, setSlippageText] = useState("0.5");
  const [attempted, setAttempted] = useState(false);
  const titleId = useId();
  const submission = useRequestSubmission(data.errorContext);
  const longToken = market.longToken;
  const shortToken = market.shortToken;
  const longBalance = balanceOf(data, longToken.address);
  const shortBalance = balanceOf(data, shortToken.address);
  const long = readAmount(longText, longToken, longBalance);
  const short = readAmount(shortText, shortToken, shortBalance);
  const slippage = parseDecimal(slippageText, 2);
  const slippageBps = slippage.ok ? slippage.value : undefined;
  const slippageError =
    slippageBps === undefined || slippageBps === 0n || slippageBps > 500n
      ? "Slippage must be between 0.01% and 5%."
      : undefined;
  const empty = long.amount === 0n && short.amount === 0n;

  const result =
    state === undefined ||
    prices === undefined ||
    info === undefined ||
    empty ||
    long.error !== undefined ||
    short.error !== undefined
      ? undefined
      : previewDepositShares({
          state,
          market: market.address,
          longTokenAmount: long.amount,
          shortTokenAmount: short.amount,
          totalSupply: info.totalSupply,
          prices,
          timestamp,
        });
  const preview = result?.ok ? result.preview : undefined;
  const refusal =
    result !== undefined && !result.ok
      ? describeMirrorRevert(result.error as MirrorRevert, data.errorContext)
      : undefined;
  const minShares =
    preview === undefined || slippageBps === undefined
      ? undefined
      : withSlippage(preview.shares, slippageBps);
  const problems = [
    ...(data.account === undefined ? ["Connect a wallet to deposit."] : []),
    ...(empty && attempted ? [`Enter an amount of ${longToken.symbol}, ${shortToken.symbol} or both.`] : []),
  ];

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (
      data.account === undefined ||
      preview === undefined ||
      minShares === undefined ||
      slippageError !== undefined
    )
      return;
    submission.mutate(
      {
        kind: "deposit",
        market: market.address,
        label: `Deposit ${formatUsd(preview.depositUsd)} into ${market.symbol}`,
        origin: "earn",
        approvals: [
          { token: longToken.address, amount: long.amount, symbol: longToken.symbol },
          { token: shortToken.address, amount: short.amount, symbol: shortToken.symbol },
        ],
        send: (client, exchange) =>
          createDeposit(client, {
            exchange,
            market: market.address,
            longTokenAmount: long.amount,
            shortTokenAmount: short.amount,
            minShares,
          }),
      },
      {
        onSuccess: () => {
          setLongText("");
          setShortText("");
          setAttempted(false);
        },
      },
    );
  }

  const stats: Stat[] =
    preview === undefined
      ? []
      : [
          { label: "Deposit value", value: formatUsd(preview.depositUsd), id: "deposit-value" },
          { label: "Liquidity fee", value: formatUsd(preview.feeUsd), id: "deposit-fee" },
          {
            label: "Shares you receive",
            value: formatTokenAmount(preview.shares, 18, { maxFractionDigits: 4 }),
            id: "deposit-shares",
          },
          {
            label: "Least shares accepted",
            value: minShares === undefined ? "—" : formatTokenAmount(minShares, 18, { maxFractionDigits: 4 }),
            id: "deposit-min-shares",
          },
        ];
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        Deposit
      </h2>
      <form noValidate onSubmit={onSubmit}>
        <AmountInput
          label={`${longToken.symbol} amount`}
          value={longText}
          onChange={setLongText}
          unit={longToken.symbol}
          error={long.error}
          hint={
            longBalance === undefined
              ? undefined
              : `Balance: ${formatTokenAmount(longBalance, longToken.decimals, { symbol: longToken.symbol })}`
          }
          onMax={longBalance === undefined ? undefined : () => setLongText(plain(longBalance, longToken))}
        />
        <AmountInput
          label={`${shortToken.symbol} amount`}
          value={shortText}
          onChange={setShortText}
          unit={shortToken.symbol}
          error={short.error}
          hint={
            shortBalance === undefined
              ? undefined
              : `Balance: ${formatTokenAmount(shortBalance, shortToken.decimals, { symbol: shortToken.symbol })}`
          }
          onMax={shortBalance === undefined ? undefined : () => setShortText(plain(shortBalance, shortToken))}
        />
        <AmountInput
          label="Slippage tolerance"
          value={slippageText}
          onChange={setSlippageText}
          unit="%"
          error={slippageError}
        />
        {stats.length > 0 && <StatList stats={stats} label="Deposit preview" />}
        {refusal !== undefined && <ErrorNotice description={refusal} headingLevel={3} />}
        {problems.length > 0 && (
          <ul className="order-problems" aria-live="polite">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
        <button type="submit" className="button button--primary button--wide" disabled={submission.isPending}>
          {submission.isPending ? "Confirm in your wallet…" : "Deposit"}
        </button>
        {submission.error !== null && (
          <ErrorNotice description={describeError(submission.error, data.errorContext)} headingLevel={3} />
        )}
      </form>
    </section>
  );
}
