import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/**
 * Fails the build when Node-only code would ship to the browser. Workspace packages keep their
 * Node helpers behind subpaths (`@bastion/risk/node`, `@bastion/lp-accounting/sqlite`); this check
 * proves none leaks in: any `node:` module left in a chunk (Vite's "browser external" stub) is an
 * error, not a warning.
 */
function browserSafeBundle(): Plugin {
  return {
    name: "bastion:browser-safe-bundle",
    apply: "build",
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== "chunk") continue;
        const external = output.moduleIds.filter((id) => id.includes("__vite-browser-external"));
        if (external.length > 0) {
          this.error(`${output.fileName} bundles Node-only modules: ${external.join(", ")}`);
        }
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), browserSafeBundle()],
  build: {
    outDir: "dist",
    sourcemap: true,
    // lightweight-charts and wagmi/viem are big; keep them out of the entry chunk.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // Cacheable vendor chunks, each under the size warning: the wallet stack, React, the rest.
        codeSplitting: {
          groups: [
            { name: "viem", test: /node_modules[\\/](\.pnpm[\\/])?[^\\/]*(viem|ox|abitype|@noble|@scure)/ },
            {
              name: "wagmi",
              test: /node_modules[\\/](\.pnpm[\\/])?[^\\/]*(wagmi|@wagmi|@tanstack|zustand|mipd|eventemitter3)/,
            },
            { name: "react", test: /node_modules[\\/](\.pnpm[\\/])?[^\\/]*(react|scheduler)/ },
            {
              name: "bastion",
              test: /packages[\\/](sdk|risk|lp-accounting)[\\/]|contracts[\\/](dist|ts)[\\/]|hermes-client|zod/,
            },
          ],
        },
      },
      onLog(level, log, handler) {
        // Node built-ins imported by packages' Node-only exports, which tree-shaking removes
        // (browserSafeBundle above fails the build if any is left).
        if (
          log.plugin === "rolldown:vite-resolve" &&
          /"node:[a-z_/]+" has been externalized/.test(log.message)
        ) {
          return;
        }
        handler(level, log);
      },
    },
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
});
