/**
 * One point of a price chart. Plain `number`s on purpose: a chart is display, not money
 * (convert a 1e30 price with `Number(priceE30 / 10n ** 26n) / 1e4` or similar at the edge).
 */
export type PricePoint = {
  /** Unix time in seconds. */
  time: number;
  /** USD per whole token. */
  value: number;
};
