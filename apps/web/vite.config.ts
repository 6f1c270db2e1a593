import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    sourcemap: true,
    // lightweight-charts and wagmi/viem are big; keep them out of the entry chunk.
    chunkSizeWarningLimit: 700,
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
});
