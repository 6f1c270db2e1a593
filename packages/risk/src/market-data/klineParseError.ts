/**
 * Thrown when a kline CSV cannot be read: it names the 1-based line of the file and the reason,
 * and, once {@link loadKlinesFile} has seen it, the file's path.
 *
 * @example
 * try {
 *   parseKlinesCsv(text);
 * } catch (error) {
 *   if (error instanceof KlineParseError) console.error(error.line, error.reason);
 * }
 */
export class KlineParseError extends Error {
  override name = "KlineParseError";

  constructor(
    /** 1-based line number in the file (blank lines and the header count). */
    readonly line: number,
    /** What was wrong on that line, without the location. */
    readonly reason: string,
    /** The file the text came from, when known. */
    readonly path?: string,
  ) {
    super(`${path === undefined ? "" : `${path}: `}line ${line}: ${reason}`);
  }

  /** The same error, located in a file. */
  withPath(path: string): KlineParseError {
    return new KlineParseError(this.line, this.reason, path);
  }
}
