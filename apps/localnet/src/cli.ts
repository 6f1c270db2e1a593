#!/usr/bin/env node
import { Command, InvalidArgumentError } from "commander";
import { describeLocalnet } from "./describeLocalnet.js";
import { startLocalnet } from "./startLocalnet.js";

function port(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 65_535) {
    throw new InvalidArgumentError(`"${value}" is not a TCP port (1-65535)`);
  }
  return parsed;
}

const program = new Command()
  .name("bastion-localnet")
  .description("Runs the whole Bastion exchange on this machine.")
  .option("--chain-port <port>", "port of the local chain's RPC", port, 8545)
  .option("--host <host>", "interface to listen on", "127.0.0.1")
  .parse();

const options = program.opts<{ chainPort: number; host: string }>();
const localnet = await startLocalnet({ chainPort: options.chainPort, host: options.host }).catch(
  (error: Error) => {
    console.error(`Could not start the local exchange: ${error.message}`);
    process.exit(1);
  },
);
console.log(describeLocalnet(localnet));

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the local exchange...`);
  await localnet.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
