/** Log levels, most verbose first; `silent` logs nothing. */
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

/** A structured logger: a message and optional fields. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error", "silent"];

/**
 * A logger writing one JSON object per line (`{"level","time","msg",...fields}`), like pino's
 * default output, with no dependency. Bigints are written as strings.
 *
 * @example
 * const logger = createJsonLogger("info");
 * logger.info("listening", { url: "http://127.0.0.1:8787" });
 */
export function createJsonLogger(
  level: LogLevel = "info",
  write: (line: string) => void = (line) => process.stdout.write(line),
): Logger {
  const threshold = LEVELS.indexOf(level);
  const log =
    (entryLevel: Exclude<LogLevel, "silent">) => (message: string, fields?: Record<string, unknown>) => {
      if (LEVELS.indexOf(entryLevel) < threshold) return;
      const entry = { level: entryLevel, time: new Date().toISOString(), msg: message, ...fields };
      write(
        `${JSON.stringify(entry, (_key, value) => (typeof value === "bigint" ? value.toString() : value))}\n`,
      );
    };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}

/** A logger that drops everything. */
export const silentLogger: Logger = createJsonLogger("silent", () => {});
