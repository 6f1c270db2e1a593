import { BastionError } from "../errors/base.js";

/** Why a Hermes request failed. */
export type HermesErrorCode =
  /** The endpoint could not be reached (connection refused, DNS, timeout). */
  | "unreachable"
  /** HTTP 401/403: missing or wrong API key (Hermes requires one since August 2026). */
  | "unauthorized"
  /** HTTP 404: unknown feed id, or no update at that publish time (yet). */
  | "not-found"
  /** Another HTTP error status. */
  | "http"
  /** The response is not the Hermes v2 shape. */
  | "invalid-response"
  /** The response lacks a requested feed. */
  | "missing-feed";

/** A Hermes request failed; `code` says how. */
export class HermesError extends BastionError {
  override name = "HermesError";
  readonly code: HermesErrorCode;
  /** HTTP status, for `unauthorized`, `not-found` and `http`. */
  readonly status: number | undefined;
  /** Feed ids missing from the response, for `missing-feed`. */
  readonly missingFeedIds: readonly string[];
  constructor(
    code: HermesErrorCode,
    message: string,
    options: { status?: number; missingFeedIds?: readonly string[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
    this.missingFeedIds = options.missingFeedIds ?? [];
  }
}
