/** Thrown when a batch does not fit the store: reversed range, gap, or a log outside its range. */
export class LogStoreRangeError extends Error {
  override name = "LogStoreRangeError";
}
