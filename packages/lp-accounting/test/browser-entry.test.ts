import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

describe("the main entry point", () => {
  it("bundles for the browser without Node built-ins or the native SQLite module", async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL("../src/index.ts", import.meta.url))],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      // As Vite does: Node built-ins are left out of browser bundles; whatever still imports one
      // after tree-shaking would fail at run time, so none may remain.
      external: ["node:*"],
      minifySyntax: true,
      logLevel: "silent",
    });
    const [output] = result.outputFiles;
    const text = output?.text ?? "";
    expect(text.length).toBeGreaterThan(0);
    expect(text.match(/from\s*"node:[a-z_/]+"|import\s*"node:[a-z_/]+"|require\("node:/g)).toBeNull();
    expect(text).not.toContain("better-sqlite3");
  });
});
