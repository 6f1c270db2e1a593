import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { pollUntil } from "../test/poll.js";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const fixture = fileURLToPath(new URL("../test/fixtures/eth-two-bars.csv", import.meta.url));
const ETH = "ff61491a931112ddf1bd8147cd1b641375f79f5825126d665480874634fd0ace";
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
});

describe.skipIf(!existsSync(cli))(
  `the CLI (dist/cli.js)${existsSync(cli) ? "" : " (SKIPPED: not built; run pnpm --filter @bastion/price-service build)"}`,
  () => {
    it("prints its help", () => {
      const result = spawnSync(process.execPath, [cli, "--help"], { encoding: "utf8" });
      expect(result.status).toBe(0);
      expect(result.stdout).toContain("--replay <SYMBOL=FILE>");
      expect(result.stdout).toContain("--api-key <key>");
      expect(result.stdout).toContain("POST /admin/prices");
    });

    it("lists configuration problems and exits with 2", () => {
      const result = spawnSync(
        process.execPath,
        [cli, "--port", "0", "--speed", "0", "--replay", "DOGE=x.csv", "--replay", "ETH=/no/such.csv"],
        { encoding: "utf8" },
      );
      expect(result.status).toBe(2);
      expect(result.stderr).toContain("invalid price service configuration:");
      expect(result.stderr).toContain("speed: must be a number > 0");
      expect(result.stderr).toContain('unknown feed "DOGE"');
      expect(result.stderr).toContain("/no/such.csv: cannot read kline file: no such file");
      const malformed = spawnSync(process.execPath, [cli, "--replay", "ETH"], { encoding: "utf8" });
      expect(malformed.status).not.toBe(0);
      expect(malformed.stderr).toContain("expected SYMBOL=FILE");
    });

    it("serves a replay with an API key from the environment, and stops on SIGTERM", async () => {
      const child = spawn(
        process.execPath,
        [cli, "--port", "0", "--replay", `ETH=${fixture}`, "--speed", "60"],
        {
          env: { ...process.env, BASTION_PRICE_SERVICE_API_KEY: "from-env" },
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      children.push(child);
      let stdout = "";
      child.stdout?.on("data", (chunk: Buffer) => {
        stdout += chunk.toString("utf8");
      });
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      const listening = await pollUntil(
        () => stdout.split("\n").find((line) => line.includes('"msg":"price service listening"')),
        (line) => line !== undefined,
      );
      const { url } = JSON.parse(listening as string) as { url: string };

      const unauthorized = await fetch(`${url}/v2/updates/price/latest?ids[]=${ETH}`);
      expect(unauthorized.status).toBe(401);
      const latest = await fetch(`${url}/v2/updates/price/latest?ids[]=${ETH}`, {
        headers: { "x-api-key": "from-env" },
      });
      expect(latest.status).toBe(200);
      const body = (await latest.json()) as { parsed: Array<{ price: { price: string } }> };
      expect(["200000000000", "190000000000", "210000000000", "209000000000"]).toContain(
        body.parsed[0]?.price.price,
      );

      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(stdout).toContain('"msg":"price service stopped"');
    });
  },
);
