import type { Kline } from "./kline.js";
import { KlineParseError } from "./klineParseError.js";

/** How the open-time column is read. */
export type KlineTimeUnit = "auto" | "s" | "ms" | "us";

export interface ParseKlinesCsvOptions {
  /**
   * Unit of the open-time column. `"auto"` (the default) reads 13-digit values as milliseconds and
   * 16-digit values as microseconds (Binance switched some files to microseconds in 2025), row by
   * row, and rejects values that look like seconds: pass `"s"` for those.
   */
  timeUnit?: KlineTimeUnit;
}

/** Column count of the 6-column excerpt format `open_time_ms,open,high,low,close,volume`. */
export const EXCERPT_KLINE_COLUMNS = 6;
/** Column count of Binance's kline CSV (data.binance.vision). */
export const BINANCE_KLINE_COLUMNS = 12;

const FIELD_NAMES = ["open_time", "open", "high", "low", "close", "volume"] as const;
const HEADER_PRICE_COLUMNS = ["open", "high", "low", "close"] as const;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const UNSIGNED_INTEGER = /^\d+$/;
/** Open times at or above this are microseconds in `"auto"` mode (1e14 ms is the year 5138). */
const MICROSECONDS_FROM = 1e14;
/** Open times below this are not milliseconds in `"auto"` mode (1e11 ms is March 1973). */
const MILLISECONDS_FROM = 1e11;

/**
 * Parses a kline CSV: Binance's 12-column format (`open_time, open, high, low, close, volume,
 * close_time, quote_volume, trades, taker_buy_base, taker_buy_quote, ignore`, with or without its
 * header line) or the 6-column excerpt format (`open_time_ms,open,high,low,close,volume`).
 *
 * Every row is checked; the first problem throws a {@link KlineParseError} with the 1-based line
 * number and the reason: wrong column count, non-numeric field, non-positive price, negative volume,
 * `high < max(open, close)`, `low > min(open, close)`, open times not strictly increasing or
 * duplicated, or no rows at all. CRLF line ends, a UTF-8 BOM and blank lines are accepted;
 * microsecond open times are normalised to milliseconds.
 *
 * @example
 * const klines = parseKlinesCsv(
 *   "open_time_ms,open,high,low,close,volume\n" +
 *     "1621422120000,2840.45,2848.54,2833.86,2836.04,6841.660\n",
 * );
 * // [{ openTimeMs: 1621422120000, open: 2840.45, high: 2848.54, low: 2833.86, close: 2836.04, volume: 6841.66 }]
 */
export function parseKlinesCsv(text: string, options: ParseKlinesCsvOptions = {}): Kline[] {
  const timeUnit = options.timeUnit ?? "auto";
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const klines: Kline[] = [];
  let columnCount: number | undefined;
  let headerLine: number | undefined;
  let previous: { openTimeMs: number; line: number } | undefined;

  for (let index = 0; index < lines.length; index++) {
    const text = lines[index] ?? "";
    if (text.trim() === "") continue;
    const line = index + 1;
    const fields = text.split(",").map((field) => field.trim());

    if (columnCount === undefined) {
      columnCount = checkColumnCount(fields.length, line);
      if (!DECIMAL.test(fields[0] ?? "")) {
        checkHeader(fields, line);
        headerLine = line;
        continue;
      }
    } else if (fields.length !== columnCount) {
      throw new KlineParseError(
        line,
        `expected ${columnCount} columns like the first row, got ${fields.length}: "${abbreviate(text)}"`,
      );
    }

    const kline = parseRow(fields, line, timeUnit);
    if (previous !== undefined && kline.openTimeMs <= previous.openTimeMs) {
      throw new KlineParseError(
        line,
        kline.openTimeMs === previous.openTimeMs
          ? `duplicate timestamp ${kline.openTimeMs} (also on line ${previous.line})`
          : `timestamps not strictly increasing: ${kline.openTimeMs} comes after ${previous.openTimeMs} ` +
              `(line ${previous.line}); sort the rows by open time`,
      );
    }
    previous = { openTimeMs: kline.openTimeMs, line };
    klines.push(kline);
  }

  if (klines.length === 0) {
    throw headerLine === undefined
      ? new KlineParseError(1, "empty file: no kline rows")
      : new KlineParseError(headerLine, "empty file: a header but no kline rows");
  }
  return klines;
}

function checkColumnCount(count: number, line: number): number {
  if (count === EXCERPT_KLINE_COLUMNS || count === BINANCE_KLINE_COLUMNS) return count;
  throw new KlineParseError(
    line,
    `expected ${EXCERPT_KLINE_COLUMNS} columns (open_time_ms,open,high,low,close,volume) or ` +
      `${BINANCE_KLINE_COLUMNS} columns (Binance kline CSV), got ${count}`,
  );
}

function checkHeader(fields: readonly string[], line: number): void {
  const names = fields.slice(1, 1 + HEADER_PRICE_COLUMNS.length).map((name) => name.toLowerCase());
  if (names.join(",") !== HEADER_PRICE_COLUMNS.join(",")) {
    throw new KlineParseError(
      line,
      `unsupported header: columns 2 to 5 must be ${HEADER_PRICE_COLUMNS.join(",")}, got ${names.join(",")}`,
    );
  }
}

function parseRow(fields: readonly string[], line: number, timeUnit: KlineTimeUnit): Kline {
  const openTimeMs = parseOpenTime(fields[0] ?? "", line, timeUnit);
  const [open, high, low, close] = [1, 2, 3, 4].map((column) => parsePrice(fields, column, line)) as [
    number,
    number,
    number,
    number,
  ];
  const volume = parseNumber(fields, 5, line);
  if (volume < 0) throw new KlineParseError(line, `negative volume ${volume}`);
  if (high < Math.max(open, close)) {
    throw new KlineParseError(line, `high ${high} is below max(open ${open}, close ${close})`);
  }
  if (low > Math.min(open, close)) {
    throw new KlineParseError(line, `low ${low} is above min(open ${open}, close ${close})`);
  }
  return { openTimeMs, open, high, low, close, volume };
}

function parseOpenTime(raw: string, line: number, timeUnit: KlineTimeUnit): number {
  if (!UNSIGNED_INTEGER.test(raw)) {
    throw new KlineParseError(
      line,
      `non-numeric open_time "${abbreviate(raw)}": expected an integer Unix time`,
    );
  }
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new KlineParseError(line, `open_time ${raw} is out of range`);
  switch (timeUnit) {
    case "s":
      return value * 1000;
    case "ms":
      return value;
    case "us":
      return Math.floor(value / 1000);
    case "auto":
      if (value >= MICROSECONDS_FROM) return Math.floor(value / 1000);
      if (value >= MILLISECONDS_FROM) return value;
      throw new KlineParseError(
        line,
        `open_time ${raw} is neither milliseconds (13 digits) nor microseconds (16 digits); ` +
          `if it is in seconds, pass timeUnit: "s"`,
      );
  }
}

function parsePrice(fields: readonly string[], column: number, line: number): number {
  const value = parseNumber(fields, column, line);
  if (value <= 0) throw new KlineParseError(line, `non-positive ${FIELD_NAMES[column]} ${value}`);
  return value;
}

function parseNumber(fields: readonly string[], column: number, line: number): number {
  const raw = fields[column] ?? "";
  const name = FIELD_NAMES[column] ?? `column ${column + 1}`;
  if (!DECIMAL.test(raw)) throw new KlineParseError(line, `non-numeric ${name} "${abbreviate(raw)}"`);
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new KlineParseError(line, `${name} ${raw} is out of range`);
  return value;
}

function abbreviate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
