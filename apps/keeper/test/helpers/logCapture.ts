import { Writable } from "node:stream";
import { createKeeperLogger, type Logger } from "../../src/observability/logger.js";

/** A keeper logger writing JSON lines into memory, for assertions on what the keeper logs. */
export function captureLogs(level = "info"): {
  logger: Logger;
  lines(): Record<string, unknown>[];
  text(): string;
} {
  let text = "";
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      text += chunk.toString();
      if (process.env.KEEPER_TEST_LOG) process.stderr.write(chunk);
      callback();
    },
  });
  return {
    logger: createKeeperLogger(level, stream),
    text: () => text,
    lines: () =>
      text
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
