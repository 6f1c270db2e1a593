import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { Kline } from "./kline.js";
import { KlineParseError } from "./klineParseError.js";
import { klinePathPoints } from "./klinePathPoints.js";
import { loadKlinesFile } from "./loadKlinesFile.js";
import { parseKlinesCsv } from "./parseKlinesCsv.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const fixtures = resolve(here, "../../test/fixtures");
const sharedPrices = process.env.SHARED_PRICES_DIR ?? resolve(here, "../../../../../shared/data/prices");

const EXCERPT_HEADER = "open_time_ms,open,high,low,close,volume";
const BINANCE_HEADER =
  "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore";

/** The parse error thrown for `text`, or a failure when it parses. */
function parseError(text: string, options?: Parameters<typeof parseKlinesCsv>[1]): KlineParseError {
  try {
    parseKlinesCsv(text, options);
  } catch (error) {
    if (error instanceof KlineParseError) return error;
    throw error;
  }
  throw new Error("expected a KlineParseError");
}

describe("parseKlinesCsv", () => {
  it("reads the 6-column excerpt format with its header", () => {
    const klines = parseKlinesCsv(
      `${EXCERPT_HEADER}\n1621422120000,2840.45,2848.54,2833.86,2836.04,6841.660\n1621422180000,2836.04,2845.07,2824.67,2842.68,8636.999\n`,
    );
    expect(klines).toEqual([
      {
        openTimeMs: 1621422120000,
        open: 2840.45,
        high: 2848.54,
        low: 2833.86,
        close: 2836.04,
        volume: 6841.66,
      },
      {
        openTimeMs: 1621422180000,
        open: 2836.04,
        high: 2845.07,
        low: 2824.67,
        close: 2842.68,
        volume: 8636.999,
      },
    ]);
  });

  it("reads Binance's 12-column format the same with or without its header", () => {
    const rows = [
      "1667865600000,1567.52,1567.52,1564.76,1566.01,5785.544,1667865659999,9059003.22811,2991,1384.889,2168902.64009,0",
      "1667865660000,1566.01,1567.36,1565.64,1567.24,3701.737,1667865719999,5800656.71215,2256,2409.175,3775220.48970,0",
    ].join("\n");
    const withHeader = parseKlinesCsv(`${BINANCE_HEADER}\n${rows}`);
    expect(parseKlinesCsv(rows)).toEqual(withHeader);
    expect(withHeader).toEqual([
      {
        openTimeMs: 1667865600000,
        open: 1567.52,
        high: 1567.52,
        low: 1564.76,
        close: 1566.01,
        volume: 5785.544,
      },
      {
        openTimeMs: 1667865660000,
        open: 1566.01,
        high: 1567.36,
        low: 1565.64,
        close: 1567.24,
        volume: 3701.737,
      },
    ]);
  });

  it("accepts CRLF line ends, a BOM, surrounding spaces and trailing blank lines", () => {
    const text = `\uFEFF${EXCERPT_HEADER}\r\n 1584054180000 , 125.84,126.01,125.23,125.56,4778.235\r\n\r\n\r\n`;
    expect(parseKlinesCsv(text)).toEqual([
      { openTimeMs: 1584054180000, open: 125.84, high: 126.01, low: 125.23, close: 125.56, volume: 4778.235 },
    ]);
  });

  it("normalises 16-digit microsecond open times to milliseconds, row by row", () => {
    const klines = parseKlinesCsv(
      [
        "1735689600000000,93576.00,93610.93,93537.50,93610.93,8.21827,1735689659999999,768978.1,1000,3.1,290000.2,0",
        "1735689660000,93610.93,93652.00,93606.15,93635.00,9.9,1735689719999,926000.5,1100,4.2,393000.9,0",
      ].join("\n"),
    );
    expect(klines.map((kline) => kline.openTimeMs)).toEqual([1735689600000, 1735689660000]);
  });

  it("rejects second timestamps in auto mode, and reads them when told", () => {
    const text = "1722851400,51869.9,52012.6,51781.6,51991.5,6.97";
    expect(parseError(text).reason).toMatch(/neither milliseconds .* pass timeUnit: "s"/);
    expect(parseKlinesCsv(text, { timeUnit: "s" })[0]?.openTimeMs).toBe(1722851400000);
    expect(parseKlinesCsv("1722851400000000,1,1,1,1,0", { timeUnit: "us" })[0]?.openTimeMs).toBe(
      1722851400000,
    );
  });

  describe("errors name the 1-based line and the reason", () => {
    const good = "1621422120000,2840.45,2848.54,2833.86,2836.04,6841.660";
    const cases: Array<{ name: string; text: string; line: number; reason: RegExp }> = [
      { name: "an empty file", text: "", line: 1, reason: /empty file: no kline rows/ },
      { name: "only blank lines", text: "\n \r\n\n", line: 1, reason: /empty file/ },
      {
        name: "a header without rows",
        text: `${EXCERPT_HEADER}\n\n`,
        line: 1,
        reason: /a header but no kline rows/,
      },
      {
        name: "a wrong column count on the first row",
        text: "time,open,close,high,low,volume,turnover\n",
        line: 1,
        reason: /expected 6 columns .* or 12 columns .*, got 7/,
      },
      {
        name: "a column count that changes",
        text: `${EXCERPT_HEADER}\n${good}\n1621422180000,2836.04,2845.07,2824.67,2842.68\n`,
        line: 3,
        reason: /expected 6 columns like the first row, got 5/,
      },
      {
        name: "a header in another column order",
        text: "time,open,close,high,low,volume\n",
        line: 1,
        reason: /unsupported header: columns 2 to 5 must be open,high,low,close, got open,close,high,low/,
      },
      {
        name: "a non-numeric price",
        text: `${EXCERPT_HEADER}\n${good}\n1621422180000,2836.04,abc,2824.67,2842.68,1\n`,
        line: 3,
        reason: /non-numeric high "abc"/,
      },
      {
        name: "an empty field",
        text: `${good}\n1621422180000,2836.04,2845.07,,2842.68,1\n`,
        line: 2,
        reason: /non-numeric low ""/,
      },
      {
        name: "a non-numeric open time after the first row",
        text: `${good}\n2021-05-19T11:03:00Z,2836.04,2845.07,2824.67,2842.68,1\n`,
        line: 2,
        reason: /non-numeric open_time "2021-05-19T11:03:00Z"/,
      },
      {
        name: "a hexadecimal number",
        text: `${good}\n1621422180000,0x10,2845.07,2824.67,2842.68,1\n`,
        line: 2,
        reason: /non-numeric open "0x10"/,
      },
      {
        name: "a zero price",
        text: `${good}\n1621422180000,0,2845.07,2824.67,2842.68,1\n`,
        line: 2,
        reason: /non-positive open 0/,
      },
      {
        name: "a negative price",
        text: `${good}\n1621422180000,2836.04,2845.07,2824.67,-1,1\n`,
        line: 2,
        reason: /non-positive close -1/,
      },
      {
        name: "a negative volume",
        text: `${good}\n1621422180000,2836.04,2845.07,2824.67,2842.68,-3\n`,
        line: 2,
        reason: /negative volume -3/,
      },
      {
        name: "a high below the close",
        text: `${good}\n1621422180000,2836.04,2840.00,2824.67,2842.68,1\n`,
        line: 2,
        reason: /high 2840 is below max\(open 2836.04, close 2842.68\)/,
      },
      {
        name: "a low above the open",
        text: `${good}\n1621422180000,2836.04,2845.07,2837.00,2842.68,1\n`,
        line: 2,
        reason: /low 2837 is above min\(open 2836.04, close 2842.68\)/,
      },
      {
        name: "a duplicate timestamp",
        text: `${EXCERPT_HEADER}\n${good}\n\n${good}\n`,
        line: 4,
        reason: /duplicate timestamp 1621422120000 \(also on line 2\)/,
      },
      {
        name: "timestamps going backwards",
        text: `1621422180000,2836.04,2845.07,2824.67,2842.68,1\n${good}\n`,
        line: 2,
        reason: /timestamps not strictly increasing: 1621422120000 comes after 1621422180000 \(line 1\)/,
      },
      {
        name: "a number too large for a double",
        text: `${good}\n1621422180000,2836.04,1e400,2824.67,2842.68,1\n`,
        line: 2,
        reason: /high 1e400 is out of range/,
      },
    ];
    for (const { name, text, line, reason } of cases) {
      it(name, () => {
        const error = parseError(text);
        expect(error.line).toBe(line);
        expect(error.reason).toMatch(reason);
        expect(error.message).toBe(`line ${line}: ${error.reason}`);
      });
    }
  });

  it("round-trips any valid series and never yields a NaN (property)", () => {
    const bar = fc
      .record({
        open: fc.integer({ min: 1, max: 10_000_000 }),
        close: fc.integer({ min: 1, max: 10_000_000 }),
        up: fc.integer({ min: 0, max: 100_000 }),
        down: fc.integer({ min: 0, max: 100_000 }),
        volume: fc.integer({ min: 0, max: 1_000_000 }),
        gapMinutes: fc.integer({ min: 1, max: 5 }),
      })
      .map(({ open, close, up, down, volume, gapMinutes }) => ({
        open: open / 100,
        close: close / 100,
        high: (Math.max(open, close) + up) / 100,
        low: Math.max(1, Math.min(open, close) - down) / 100,
        volume: volume / 1000,
        gapMs: gapMinutes * 60_000,
      }));
    fc.assert(
      fc.property(
        fc.array(bar, { minLength: 1, maxLength: 30 }),
        fc.boolean(),
        fc.boolean(),
        (bars, twelveColumns, crlf) => {
          let openTimeMs = 1_600_000_000_000;
          const expected: Kline[] = bars.map(({ gapMs, ...prices }) => {
            openTimeMs += gapMs;
            return { openTimeMs, ...prices };
          });
          const rows = expected.map(
            (k) =>
              `${k.openTimeMs},${k.open},${k.high},${k.low},${k.close},${k.volume}` +
              (twelveColumns ? `,${k.openTimeMs + 59_999},0,0,0,0,0` : ""),
          );
          const text = rows.join(crlf ? "\r\n" : "\n");
          const parsed = parseKlinesCsv(text);
          expect(parsed).toEqual(expected);
          for (const kline of parsed) {
            for (const value of Object.values(kline)) expect(Number.isFinite(value)).toBe(true);
          }
        },
      ),
    );
  });

  it("either throws a KlineParseError or returns finite numbers for arbitrary text (property)", () => {
    const cell = fc.oneof(
      fc.constantFrom(
        "1621422120000",
        "1621422180000",
        "2840.45",
        "0",
        "-1",
        "",
        "NaN",
        "Infinity",
        "1e3",
        "abc",
      ),
      fc.string({ maxLength: 6 }),
    );
    const line = fc.array(cell, { minLength: 1, maxLength: 13 }).map((cells) => cells.join(","));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), (lines) => {
        let klines: Kline[];
        try {
          klines = parseKlinesCsv(lines.join("\n"));
        } catch (error) {
          expect(error).toBeInstanceOf(KlineParseError);
          return;
        }
        for (const kline of klines) {
          for (const value of Object.values(kline)) expect(Number.isFinite(value)).toBe(true);
        }
      }),
    );
  });
});

describe("loadKlinesFile", () => {
  const scratch = mkdtempSync(join(tmpdir(), "bastion-klines-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("loads the 6-column fixture", () => {
    const klines = loadKlinesFile(join(fixtures, "eth-crash-excerpt-6col.csv"));
    expect(klines).toHaveLength(4);
    expect(klines[3]).toEqual({
      openTimeMs: 1621422300000,
      open: 2805.12,
      high: 2830.55,
      low: 2790.31,
      close: 2826.9,
      volume: 7002.5,
    });
  });

  it("loads a headerless 12-column CRLF fixture", () => {
    const klines = loadKlinesFile(join(fixtures, "btc-binance-12col-crlf-no-header.csv"));
    expect(klines.map((kline) => kline.openTimeMs)).toEqual([1584054180000, 1584054240000, 1584054300000]);
    expect(klines[1]?.low).toBe(5702.44);
  });

  it("prefixes parse errors with the path", () => {
    const path = join(fixtures, "bad-high-below-close.csv");
    expect(() => loadKlinesFile(path)).toThrow(
      new KlineParseError(3, "high 2840 is below max(open 2836.04, close 2842.68)", path),
    );
    try {
      loadKlinesFile(path);
    } catch (error) {
      expect(error).toBeInstanceOf(KlineParseError);
      expect((error as KlineParseError).path).toBe(path);
      expect((error as Error).message).toBe(
        `${path}: line 3: high 2840 is below max(open 2836.04, close 2842.68)`,
      );
    }
  });

  it("names the path of a missing file or a directory", () => {
    const missing = join(scratch, "nope.csv");
    expect(() => loadKlinesFile(missing)).toThrow(`${missing}: cannot read kline file: no such file`);
    expect(() => loadKlinesFile(scratch)).toThrow(`${scratch}: cannot read kline file: is a directory`);
  });

  it("passes parse options through", () => {
    const path = join(scratch, "seconds.csv");
    writeFileSync(path, "1722851400,51869.9,52012.6,51781.6,51991.5,6.97\n");
    expect(() => loadKlinesFile(path)).toThrow(/seconds.csv: line 1: open_time 1722851400 is neither/);
    expect(loadKlinesFile(path, { timeUnit: "s" })[0]?.openTimeMs).toBe(1722851400000);
  });
});

describe("klinePathPoints", () => {
  const base = { openTimeMs: 1_700_000_000_000, volume: 1 };

  it("walks open -> low -> high -> close for a bar that closed up", () => {
    expect(klinePathPoints({ ...base, open: 100, high: 110, low: 95, close: 105 })).toEqual([
      { offsetMs: 0, price: 100 },
      { offsetMs: 15_000, price: 95 },
      { offsetMs: 30_000, price: 110 },
      { offsetMs: 45_000, price: 105 },
    ]);
  });

  it("walks open -> high -> low -> close for a bar that closed down", () => {
    expect(klinePathPoints({ ...base, open: 100, high: 101, low: 80, close: 85 })).toEqual([
      { offsetMs: 0, price: 100 },
      { offsetMs: 15_000, price: 101 },
      { offsetMs: 30_000, price: 80 },
      { offsetMs: 45_000, price: 85 },
    ]);
  });

  it("treats a flat bar as up, scales to the interval, and visits both extremes", () => {
    const points = klinePathPoints({ ...base, open: 10, high: 12, low: 9, close: 10 }, 300_000);
    expect(points.map((point) => point.offsetMs)).toEqual([0, 75_000, 150_000, 225_000]);
    expect(points.map((point) => point.price)).toEqual([10, 9, 12, 10]);
  });

  it("rejects a non-positive interval", () => {
    expect(() => klinePathPoints({ ...base, open: 1, high: 1, low: 1, close: 1 }, 0)).toThrow(RangeError);
  });
});

const sharedPricesPresent = existsSync(sharedPrices);
describe.skipIf(!sharedPricesPresent)(
  `real Binance files in ${sharedPrices}${sharedPricesPresent ? "" : " (SKIPPED: folder absent; set SHARED_PRICES_DIR)"}`,
  () => {
    const at = (...parts: string[]) => join(sharedPrices, ...parts);
    const lowest = (klines: Kline[]) =>
      klines.reduce((best, kline) => (kline.low < best.low ? kline : best), klines[0] as Kline);
    const highest = (klines: Kline[]) =>
      klines.reduce((best, kline) => (kline.high > best.high ? kline : best), klines[0] as Kline);

    it("parses every full-day 12-column file into 1440 gap-free minutes", () => {
      const files = [
        ...readdirSync(at("binance_2022-11-08_10")).map((name) => at("binance_2022-11-08_10", name)),
        at("binance_2024-08-05", "BTCUSDT-1m-2024-08-05.csv"),
        at("binance_2024-08-05", "ETHUSDT-1m-2024-08-05.csv"),
      ].filter((path) => path.endsWith(".csv"));
      expect(files).toHaveLength(8);
      for (const path of files) {
        const klines = loadKlinesFile(path);
        expect(klines, path).toHaveLength(1440);
        for (let index = 1; index < klines.length; index++) {
          expect((klines[index] as Kline).openTimeMs - (klines[index - 1] as Kline).openTimeMs).toBe(60_000);
        }
      }
    });

    it("finds the known FTX and yen-carry extremes", () => {
      const ftx = lowest(loadKlinesFile(at("binance_2022-11-08_10", "ETHUSDT-1m-2022-11-09.csv")));
      expect(ftx).toMatchObject({ low: 1071.14, openTimeMs: Date.UTC(2022, 10, 9, 23, 37) });
      const btcOpen = loadKlinesFile(at("binance_2022-11-08_10", "BTCUSDT-1m-2022-11-08.csv"))[0];
      expect(btcOpen?.open).toBe(20578.5);
      expect(lowest(loadKlinesFile(at("binance_2024-08-05", "ETHUSDT-1m-2024-08-05.csv"))).low).toBe(2111);
    });

    it("parses the 6-column crash excerpts with their known extremes", () => {
      const eth2020 = loadKlinesFile(
        at("binance_futures_2020-03-12_13_excerpt", "ETHUSDT-1m-2020-03-12T2303_2020-03-13T0400.csv"),
      );
      expect(eth2020).toHaveLength(298);
      expect(lowest(eth2020).low).toBe(84.23);
      expect(highest(eth2020)).toMatchObject({ high: 323, openTimeMs: Date.UTC(2020, 2, 13, 2, 39) });
      const eth2021 = loadKlinesFile(
        at("binance_futures_2021-05-19_excerpt", "ETHUSDT-1m-2021-05-19T1102_1316.csv"),
      );
      expect(lowest(eth2021).low).toBe(1400.73);
      const btc2025 = loadKlinesFile(
        at("binance_futures_2025-10-10_excerpt", "BTCUSDT-1m-2025-10-10T2045_2205.csv"),
      );
      expect(lowest(btc2025).low).toBe(101516.5);
    });

    it("rejects the KuCoin files (other column order) on line 1", () => {
      const path = at("binance_2024-08-05", "ETHUSDT-1m-2024-08-05_kucoin_unsorted.csv");
      expect(() => loadKlinesFile(path)).toThrow(`${path}: line 1: expected 6 columns`);
    });
  },
);
