/**
 * One OHLCV bar of a price series, as Binance publishes 1-minute klines.
 * Prices and volume are `number`: market data is used for statistics and display, never as money.
 */
export interface Kline {
  /** Bar open time, Unix milliseconds (UTC). */
  openTimeMs: number;
  open: number;
  high: number;
  low: number;
  close: number;
  /** Base-asset volume; 0 when the source has none. */
  volume: number;
}
