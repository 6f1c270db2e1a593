#!/usr/bin/env node
// Lets forge compile with solc-js (the `solc` npm package) on machines where forge cannot
// download a native solc. forge calls this like the native compiler: `--version`, or standard
// JSON on stdin with `--base-path`/`--include-path`/`--allow-paths` flags, JSON on stdout.
// The pinned `solc` npm version decides the compiler version.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const solc = require("solc");

const args = process.argv.slice(2);
if (args.includes("--version")) {
  process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${solc.version()}\n`);
  process.exit(0);
}

const roots = [process.cwd()];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--base-path" || args[i] === "--include-path") roots.push(path.resolve(args[++i]));
}

function findImport(importPath) {
  for (const root of roots) {
    const candidate = path.resolve(root, importPath);
    if (fs.existsSync(candidate)) return { contents: fs.readFileSync(candidate, "utf8") };
  }
  return { error: `solc-shim: file not found: ${importPath} (searched ${roots.join(", ")})` };
}

const input = fs.readFileSync(0, "utf8");
process.stdout.write(solc.compile(input, { import: findImport }));
