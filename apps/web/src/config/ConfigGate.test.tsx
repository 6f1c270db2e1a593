import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { exampleAppConfig } from "../test/exampleConfig";
import { ConfigGate } from "./ConfigGate";
import type { AppConfigLoadResult } from "./loadAppConfig";

function renderGate(load: () => Promise<AppConfigLoadResult>) {
  return render(<ConfigGate load={load}>{(config) => <p>App on chain {config.chainId}</p>}</ConfigGate>);
}

describe("ConfigGate", () => {
  it("renders the app with the loaded config", async () => {
    const config = exampleAppConfig();
    renderGate(async () => ({ ok: true, config }));
    expect(screen.getByRole("status")).toHaveTextContent("Loading Bastion…");
    expect(await screen.findByText("App on chain 31337")).toBeInTheDocument();
  });

  it("shows a full-page error naming the invalid fields", async () => {
    renderGate(async () => ({
      ok: false,
      failure: {
        kind: "invalid",
        summary: "config.json has invalid fields: rpcUrl.",
        problems: [{ field: "rpcUrl", message: "expected an http:// or https:// URL" }],
      },
    }));
    const heading = await screen.findByRole("heading", { level: 1 });
    expect(heading).toHaveTextContent("the app configuration is invalid");
    expect(heading).toHaveFocus();
    expect(screen.getByRole("alert")).toHaveTextContent("config.json has invalid fields: rpcUrl.");
    const problems = screen.getByRole("list", { name: "Problems in config.json" });
    expect(problems).toHaveTextContent("rpcUrl: expected an http:// or https:// URL");
    expect(screen.queryByText(/App on chain/)).not.toBeInTheDocument();
  });

  it("explains a missing config.json and how to create it", async () => {
    renderGate(async () => ({
      ok: false,
      failure: { kind: "missing", summary: "/config.json was not found (HTTP 404).", problems: [] },
    }));
    expect(await screen.findByText("/config.json was not found (HTTP 404).")).toBeInTheDocument();
    expect(
      screen.getByText(/copy apps\/web\/config.example.json to apps\/web\/public\/config.json/),
    ).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Reload" })).toBeInTheDocument();
  });

  it("turns an unexpected loader crash into the error page", async () => {
    renderGate(async () => {
      throw new Error("boom");
    });
    expect(await screen.findByText("Loading failed: boom.")).toBeInTheDocument();
  });
});
