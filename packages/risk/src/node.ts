/**
 * Node-only helpers of `@bastion/risk` (they read files with `node:fs`), kept out of the main entry so
 * browser bundles never see a Node built-in.
 *
 * @example
 * import { loadKlinesFile } from "@bastion/risk/node";
 * const klines = loadKlinesFile("ETHUSDT-1m-2021-05-19.csv");
 */
export { loadKlinesFile } from "./market-data/loadKlinesFile.js";
