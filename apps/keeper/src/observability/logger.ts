import { type Logger, pino } from "pino";

export type { Logger } from "pino";

/** Paths pino removes from every log line, whatever a caller passes. */
export const REDACTED_PATHS = [
  "privateKey",
  "privateKeys",
  "*.privateKey",
  "*.privateKeys",
  "apiKey",
  "hermesApiKey",
  "*.apiKey",
  "*.hermesApiKey",
  "headers.authorization",
  "headers.Authorization",
  "*.headers.Authorization",
];

/**
 * The keeper's structured logger: JSON lines on stdout (or `destination`), bigints as strings, secrets
 * redacted.
 *
 * @example
 * const logger = createKeeperLogger("info");
 * logger.info({ kind: "order", id: "12" }, "executed");
 */
export function createKeeperLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      name: "bastion-keeper",
      level,
      base: null,
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      formatters: { level: (label) => ({ level: label }) },
      hooks: {
        logMethod(args, method) {
          const [first, ...rest] = args;
          if (first !== null && typeof first === "object" && !(first instanceof Error)) {
            return method.apply(this, [stringifyBigints(first) as object, ...rest] as Parameters<
              typeof method
            >);
          }
          return method.apply(this, args);
        },
      },
    },
    destination === undefined ? undefined : (destination as never),
  );
}

function stringifyBigints(value: unknown, depth = 0): unknown {
  if (typeof value === "bigint") return value.toString();
  if (depth > 4 || value === null || typeof value !== "object" || value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((item) => stringifyBigints(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = stringifyBigints(item, depth + 1);
  return out;
}
