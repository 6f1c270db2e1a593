/** Base class of every error the SDK throws, so callers can tell them from others with `instanceof`. */
export class BastionError extends Error {
  override name = "BastionError";
}
