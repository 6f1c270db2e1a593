import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runStressCli } from "../../src/cli/stressCli.js";
import { fixture } from "./helpers.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const packageDir = resolve(here, "../..");
const out = mkdtempSync(join(tmpdir(), "bastion-stress-cli-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Runs the CLI in-process; returns the exit code and what it printed. */
async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runStressCli(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

const ETH = fixture("eth-crash-40.csv");
const BTC = fixture("btc-crash-40-binance.csv");
const SMALL = ["--positions", "300", "--seed", "7"];

describe("bastion-stress", () => {
  it("--help says everything", async () => {
    const { code, stdout } = await cli("--help");
    expect(code).toBe(0);
    for (const option of [
      "--file <csv>",
      "--file2 <csv>",
      "--market <symbol>",
      "--positions <n>",
      "--seed <n>",
      "--margin <model>",
      '"fixed", "vol-aware"',
      "--compare",
      "--mm <fraction>",
      "--mm-window <bars>",
      "--latency <seconds>",
      "--delay <seconds>",
      "--slippage-bps <bps>",
      "--leverage-median <x>",
      "--insurance <usd>",
      "--svg <path>",
      "--json <path>",
      "--timeline <rows>",
      "Exit codes",
    ]) {
      expect(stdout).toContain(option);
    }
  });

  it("replays a file and prints the table", async () => {
    const { code, stdout, stderr } = await cli(
      "--file",
      ETH,
      "--market",
      "ETH",
      ...SMALL,
      "--margin",
      "fixed",
      "--mm",
      "0.01",
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("window 2023-11-14 22:14 .. 2023-11-14 22:53 UTC (40 bars, 160 path points)");
    expect(stdout).toMatch(/liquidations \(partial\)\s+\d+ \(\d+\)/);
    expect(stdout).toMatch(/LP bad debt\s+\$/);
    expect(stdout).toContain("fixed 1.00%");
    // Deterministic: the same command prints the same.
    expect((await cli("--file", ETH, "--market", "ETH", ...SMALL)).stdout).toBe(stdout);
  });

  it("--compare replays fixed and vol-aware on two markets; --svg, --json and --timeline write what they say", async () => {
    const svg = join(out, "chart.svg");
    const json = join(out, "report.json");
    const options: string[][] = [
      ["--file", ETH, "--market", "ETH", "--file2", BTC, "--market2", "BTC"],
      [...SMALL, "--compare", "--mm-method", "historical", "--mm-window", "8"],
      ["--svg", svg, "--json", json, "--timeline", "5", "--markdown", "--clip-wicks", "0.2"],
    ];
    const { code, stdout, stderr } = await cli(...options.flat());
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("| | fixed 1.00% | vol-aware (historical, 8-bar window) |");
    expect(stdout).toContain("BTC: LP bad debt");
    expect(stdout).toContain("ETH eth-crash-40.csv (0 wick(s) clipped at 0.2)");
    expect(stdout).toContain("timeline (fixed 1.00%):");
    expect(readFileSync(svg, "utf8")).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*<\/svg>\n$/,
    );
    const runs = JSON.parse(readFileSync(json, "utf8")) as {
      label: string;
      report: { totals: { liquidations: number } };
    }[];
    expect(runs.map((run) => run.label)).toEqual(["fixed 1.00%", "vol-aware (historical, 8-bar window)"]);
    expect(runs[0]?.report.totals.liquidations).toBeGreaterThan(0);
  });

  describe("errors", () => {
    const cases: [string, string[], RegExp][] = [
      ["a missing --file", ["--positions", "10"], /required option '--file <csv>' not specified/],
      [
        "a file that does not exist",
        ["--file", join(out, "ETHUSDT-none.csv")],
        /ETHUSDT-none.csv: cannot read kline file: no such file/,
      ],
      [
        "a malformed CSV row",
        ["--file", fixture("bad-malformed-row.csv"), "--market", "ETH"],
        /bad-malformed-row.csv: line 6: expected 6 columns/,
      ],
      [
        "unsorted timestamps",
        ["--file", fixture("bad-unsorted.csv"), "--market", "ETH"],
        /line 12: timestamps not strictly increasing/,
      ],
      [
        "a non-positive price",
        ["--file", fixture("bad-nonpositive-price.csv"), "--market", "ETH"],
        /line 8: non-positive low 0/,
      ],
      [
        "an unknown market",
        ["--file", ETH, "--market", "DOGE"],
        /unknown market "DOGE"; known markets: ETH, BTC/,
      ],
      [
        "a file name without a market",
        ["--file", ETH],
        /cannot tell the market of --file eth-crash-40.csv from its name: pass --market/,
      ],
      [
        "an unknown margin model",
        ["--file", ETH, "--market", "ETH", "--margin", "cross"],
        /argument 'cross' is invalid. Allowed choices are fixed, vol-aware/,
      ],
      [
        "a negative latency",
        ["--file", ETH, "--market", "ETH", "--latency", "-1"],
        /--latency must be a number >= 0, got "-1"/,
      ],
      [
        "a non-numeric position count",
        ["--file", ETH, "--market", "ETH", "--positions", "many"],
        /--positions must be an integer >= 1, got "many"/,
      ],
      [
        "a factor outside the bounds",
        ["--file", ETH, "--market", "ETH", "--mm", "0.03"],
        /--mm 0.03 is outside the market's bounds \[0.005, 0.019\]/,
      ],
      [
        "bounds above the opening margin",
        ["--file", ETH, "--market", "ETH", "--mm-max", "0.03"],
        /--mm-max \(0.03\) must be below --initial-margin \(0.02\)/,
      ],
      [
        "too frequent margin updates",
        ["--file", ETH, "--market", "ETH", "--positions", "20", "--margin", "vol-aware", "--mm-every", "1"],
        /updateEveryBars is 1, expected at least 5 bars/,
      ],
      [
        "misaligned files",
        ["--file", ETH, "--market", "ETH", "--file2", fixture("btc-gap-binance.csv"), "--market2", "BTC"],
        /gap of 120000 ms/,
      ],
      [
        "leverage the contracts refuse",
        [
          "--file",
          ETH,
          "--market",
          "ETH",
          "--leverage-median",
          "60",
          "--leverage-max",
          "80",
          "--positions",
          "50",
        ],
        /synthetic orders would revert on chain \(first: order \d+: InsufficientCollateral/,
      ],
      ["an unknown option", ["--file", ETH, "--bogus"], /unknown option '--bogus'/],
    ];
    for (const [name, argv, message] of cases) {
      it(`exits 1 and says so for ${name}`, async () => {
        const { code, stdout, stderr } = await cli(...argv);
        expect(code).toBe(1);
        expect(stderr).toMatch(message);
        expect(stdout).not.toContain("liquidations");
      });
    }
  });

  it("runs as a program (tsx on the source) with the exit code", { timeout: 60_000 }, () => {
    const tsx = createRequire(import.meta.url).resolve("tsx/cli");
    const ok = spawnSync(
      process.execPath,
      [tsx, "src/cli/bastion-stress.ts", "--file", ETH, "--market", "ETH", "--positions", "50"],
      {
        cwd: packageDir,
        encoding: "utf8",
      },
    );
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("liquidations (partial)");
    const bad = spawnSync(
      process.execPath,
      [tsx, "src/cli/bastion-stress.ts", "--file", fixture("bad-unsorted.csv"), "--market", "ETH"],
      {
        cwd: packageDir,
        encoding: "utf8",
      },
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^bastion-stress: error: .*bad-unsorted.csv: line 12/);
  });

  const bin = resolve(packageDir, "dist/cli/bastion-stress.js");
  it.skipIf(!existsSync(bin))(
    `the built bin prints its help${existsSync(bin) ? "" : " (SKIPPED: dist not built; run pnpm build)"}`,
    () => {
      expect(execFileSync(process.execPath, [bin, "--help"], { encoding: "utf8" })).toContain(
        "Usage: bastion-stress [options]",
      );
    },
  );
});
