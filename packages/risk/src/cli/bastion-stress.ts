#!/usr/bin/env node
/**
 * The `bastion-stress` executable: see {@link runStressCli} and `bastion-stress --help`.
 * @module
 */
import { runStressCli } from "./stressCli.js";

// `bastion-stress ... | head` closes the pipe early: that is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runStressCli(process.argv.slice(2));
