#!/usr/bin/env node
import { Command, Option } from "commander";
import { KeeperConfigError } from "./config/errors.js";
import { CONFIG_FIELDS, type ConfigField } from "./config/fields.js";
import { redactConfig, resolveKeeperConfig } from "./config/resolveConfig.js";
import type { KeeperConfigInput } from "./config/schema.js";
import { startKeeper } from "./startKeeper.js";

const camel = (flag: string) => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

function addField(program: Command, field: ConfigField): void {
  const help = `${field.description} [env ${field.env}; default: ${field.defaultText}]`;
  if (field.kind === "boolean") {
    program.addOption(new Option(`--${field.flag}`, help));
    program.addOption(new Option(`--no-${field.flag}`, `disable --${field.flag}`).hideHelp());
    return;
  }
  const option = new Option(`--${field.flag} ${field.arg ?? "<value>"}`, help);
  if (field.kind === "secret-list" || field.kind === "list") {
    option.argParser((value: string, previous: string[] | undefined) => [
      ...(previous ?? []),
      ...value.split(","),
    ]);
  }
  program.addOption(option);
}

const program = new Command()
  .name("bastion-keeper")
  .description(
    "Bastion keeper: executes pending deposits, withdrawals and orders with fresh Pyth prices, cancels expired " +
      "requests, liquidates positions below maintenance margin, runs auto-deleveraging and proposes maintenance " +
      "margins. Every option can also be set by its environment variable; flags win.",
  )
  .option("--print-config", "validate the configuration, print it (secrets redacted) and exit")
  .showHelpAfterError();
for (const field of CONFIG_FIELDS) addField(program, field);
program.parse();

const options = program.opts<Record<string, unknown>>();
const input: Record<string, unknown> = {};
for (const field of CONFIG_FIELDS) {
  const value = options[camel(field.flag)];
  if (value !== undefined) input[field.key] = value;
}

try {
  const config = await resolveKeeperConfig(input as KeeperConfigInput);
  if (options.printConfig === true) {
    process.stdout.write(`${JSON.stringify(redactConfig(config), null, 2)}\n`);
    process.exit(0);
  }
  const keeper = await startKeeper(config);
  let signals = 0;
  const shutdown = (signal: string) => {
    signals += 1;
    if (signals > 1) process.exit(130);
    keeper.logger.info({ signal }, "signal received: stopping (send again to exit at once)");
    keeper.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
} catch (error) {
  if (error instanceof KeeperConfigError) {
    process.stderr.write(`bastion-keeper: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `bastion-keeper: cannot start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
