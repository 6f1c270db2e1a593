// @vitest-environment node
import { describe, expect, it } from "vitest";
import { exampleConfigJsonValue } from "../test/exampleConfig";
import { formatIssuePath, loadAppConfig } from "./loadAppConfig";

type Json = Record<string, unknown>;

function cloneExample(): Json {
  return structuredClone(exampleConfigJsonValue) as Json;
}

function serve(body: string, init: ResponseInit = { status: 200 }): typeof fetch {
  return async () => new Response(body, init);
}

describe("loadAppConfig", () => {
  it("accepts config.example.json and checksums addresses", async () => {
    const raw = cloneExample();
    (raw.contracts as Json).exchange = "0xb7f8bc63bbcad18155201308c8f3540b07f84f5e";
    const result = await loadAppConfig(serve(JSON.stringify(raw)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.chainId).toBe(31337);
    expect(result.config.markets.map((market) => market.symbol)).toEqual(["ETH/USD", "BTC/USD"]);
    expect(result.config.contracts.exchange).toBe("0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e");
  });

  it("asks for JSON so that a dev server does not answer with index.html", async () => {
    let accept: string | null = null;
    await loadAppConfig(async (_url, init) => {
      accept = new Headers(init?.headers).get("accept");
      return new Response("{}");
    });
    expect(accept).toBe("application/json");
  });

  it("reports a missing file", async () => {
    const result = await loadAppConfig(serve("not found", { status: 404 }));
    expect(result).toEqual({
      ok: false,
      failure: { kind: "missing", summary: "/config.json was not found (HTTP 404).", problems: [] },
    });
  });

  it("reports a server that cannot be reached", async () => {
    const result = await loadAppConfig(async () => {
      throw new TypeError("Failed to fetch");
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure.kind).toBe("unreachable");
    expect(result.failure.summary).toContain("Failed to fetch");
  });

  it("reports JSON syntax errors, and HTML served in place of the file", async () => {
    const broken = await loadAppConfig(serve('{ "chainId": 31337, '));
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.failure.kind).toBe("not-json");

    const html = await loadAppConfig(serve("<!doctype html><html></html>"));
    expect(html.ok).toBe(false);
    if (!html.ok) expect(html.failure.summary).toContain("HTML page instead (the file is probably missing)");
  });

  it("names every invalid field", async () => {
    const raw = cloneExample();
    raw.rpcUrl = "localhost:8545";
    delete raw.chainId;
    const markets = raw.markets as Json[];
    (markets[1] as Json).address = "0x1234";
    ((markets[0] as Json).longToken as Json).decimals = 18.5;
    const result = await loadAppConfig(serve(JSON.stringify(raw)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure.kind).toBe("invalid");
    expect(result.failure.problems.map((problem) => problem.field)).toEqual([
      "chainId",
      "rpcUrl",
      "markets[0].longToken.decimals",
      "markets[1].address",
    ]);
    expect(result.failure.summary).toBe(
      "config.json has invalid fields: chainId, rpcUrl, markets[0].longToken.decimals, markets[1].address.",
    );
    const rpcProblem = result.failure.problems.find((problem) => problem.field === "rpcUrl");
    expect(rpcProblem?.message).toBe("expected an http:// or https:// URL");
  });

  it("rejects duplicate markets and an empty market list", async () => {
    const duplicated = cloneExample();
    const markets = duplicated.markets as Json[];
    (markets[1] as Json).symbol = "ETH/USD";
    const result = await loadAppConfig(serve(JSON.stringify(duplicated)));
    expect(result.ok ? [] : result.failure.problems).toEqual([
      { field: "markets[1].symbol", message: 'duplicate market "ETH/USD"' },
    ]);

    const empty = cloneExample();
    empty.markets = [];
    const emptyResult = await loadAppConfig(serve(JSON.stringify(empty)));
    expect(emptyResult.ok ? [] : emptyResult.failure.problems).toEqual([
      { field: "markets", message: "expected at least one market" },
    ]);
  });

  it("requires the exchange and oracle addresses, and a feed for every pool token", async () => {
    const raw = cloneExample();
    delete (raw.contracts as Json).oracle;
    const markets = raw.markets as Json[];
    ((markets[0] as Json).shortToken as Json).symbol = "DAI";
    delete ((markets[0] as Json).shortToken as Json).pythPriceFeedId;
    const result = await loadAppConfig(serve(JSON.stringify(raw)));
    expect(result.ok ? [] : result.failure.problems).toEqual([
      { field: "contracts.oracle", message: "required: the oracle address from the deployment" },
      { field: "markets[0].shortToken.pythPriceFeedId", message: "required: no known Pyth feed for DAI" },
    ]);
  });

  it("rejects a config that is not an object", async () => {
    const result = await loadAppConfig(serve("[]"));
    expect(result.ok ? undefined : result.failure.problems[0]?.field).toBe("(top level)");
  });
});

describe("formatIssuePath", () => {
  it("writes array indexes in brackets", () => {
    expect(formatIssuePath(["markets", 0, "longToken", "address"])).toBe("markets[0].longToken.address");
    expect(formatIssuePath([])).toBe("(top level)");
  });
});
