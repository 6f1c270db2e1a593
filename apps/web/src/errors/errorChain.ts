/** A thrown value seen as a plain record, to read fields such as `name`, `code` or `data` safely. */
export type ErrorLike = Record<string, unknown> & { name?: unknown; message?: unknown };

function isRecord(value: unknown): value is ErrorLike {
  return typeof value === "object" && value !== null;
}

/**
 * The error and every `cause` below it (viem and wagmi wrap errors several levels deep).
 * Bounded, so a cyclic chain cannot hang the page.
 */
export function errorChain(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  let current: unknown = error;
  while (isRecord(current) && chain.length < 20 && !chain.includes(current)) {
    chain.push(current);
    current = current.cause;
  }
  return chain;
}

export function findByName(chain: readonly ErrorLike[], ...names: string[]): ErrorLike | undefined {
  return chain.find((error) => typeof error.name === "string" && names.includes(error.name));
}

/** The first line of a message, cut to a readable length. */
export function firstLine(text: string, maxLength = 200): string {
  const line = text.split("\n")[0]?.trim() ?? "";
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}
