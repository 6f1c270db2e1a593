/**
 * Where one feed's prices come from. The service asks for one price per published second, for
 * consecutive seconds in increasing order, starting at the service's first second.
 */
export interface PriceSource {
  readonly kind: "replay" | "random-walk" | "constant";
  /**
   * The price in USD to publish for `second` (Unix seconds). `previousUsd` is what this source
   * returned for the previous second (undefined for the first).
   */
  priceAt(second: number, previousUsd: number | undefined): number;
  /** Facts for logs and `/healthz` (e.g. the market time a replay has reached). */
  describe(second: number): Record<string, unknown>;
}
