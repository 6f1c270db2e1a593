import { readFileSync } from "node:fs";
import type { Kline } from "./kline.js";
import { KlineParseError } from "./klineParseError.js";
import { type ParseKlinesCsvOptions, parseKlinesCsv } from "./parseKlinesCsv.js";

/**
 * Reads a kline CSV file (Binance 12-column or the 6-column excerpt format) and parses it with
 * {@link parseKlinesCsv}. A parse error is rethrown as a {@link KlineParseError} that starts with the
 * path; a file that cannot be read throws an `Error` naming the path and the system error.
 *
 * @example
 * const klines = loadKlinesFile("../shared/data/prices/binance_2022-11-08_10/ETHUSDT-1m-2022-11-09.csv");
 * klines.length; // 1440
 */
export function loadKlinesFile(path: string, options: ParseKlinesCsvOptions = {}): Kline[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : String(error);
    throw new Error(`${path}: cannot read kline file: ${reason}`, { cause: error });
  }
  try {
    return parseKlinesCsv(text, options);
  } catch (error) {
    if (error instanceof KlineParseError) throw error.withPath(path);
    throw error;
  }
}
