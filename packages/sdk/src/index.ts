// Reads (any viem client with a transport)

// Keeper writes
export {
  type AdlOutcome,
  type ExecuteAdlErrorType,
  type ExecuteAdlParameters,
  type ExecuteAdlReturnType,
  executeAdl,
} from "./actions/keeper/executeAdl.js";
export {
  type ExecuteDepositErrorType,
  type ExecuteDepositParameters,
  type ExecuteDepositReturnType,
  executeDeposit,
} from "./actions/keeper/executeDeposit.js";
export {
  type ExecuteOrderErrorType,
  type ExecuteOrderParameters,
  type ExecuteOrderReturnType,
  executeOrder,
} from "./actions/keeper/executeOrder.js";
export {
  type ExecuteWithdrawalErrorType,
  type ExecuteWithdrawalParameters,
  type ExecuteWithdrawalReturnType,
  executeWithdrawal,
} from "./actions/keeper/executeWithdrawal.js";
export {
  type LiquidatePositionErrorType,
  type LiquidatePositionParameters,
  type LiquidatePositionReturnType,
  type LiquidationOutcome,
  liquidatePosition,
} from "./actions/keeper/liquidatePosition.js";
export {
  type BatchLiquidation,
  type BatchLiquidationOutcome,
  type LiquidatePositionsErrorType,
  type LiquidatePositionsParameters,
  type LiquidatePositionsReturnType,
  liquidatePositions,
} from "./actions/keeper/liquidatePositions.js";
export {
  type SetMaintenanceMarginFactorErrorType,
  type SetMaintenanceMarginFactorParameters,
  type SetMaintenanceMarginFactorReturnType,
  setMaintenanceMarginFactor,
} from "./actions/keeper/setMaintenanceMarginFactor.js";
export {
  type GetAccountPositionsErrorType,
  type GetAccountPositionsParameters,
  type GetAccountPositionsReturnType,
  getAccountPositions,
} from "./actions/public/getAccountPositions.js";
export {
  type GetClaimableErrorType,
  type GetClaimableParameters,
  type GetClaimableReturnType,
  getClaimable,
} from "./actions/public/getClaimable.js";
export {
  type GetLastAcceptedPriceErrorType,
  type GetLastAcceptedPriceParameters,
  type GetLastAcceptedPriceReturnType,
  getLastAcceptedPrice,
} from "./actions/public/getLastAcceptedPrice.js";
export {
  type GetMarketErrorType,
  type GetMarketParameters,
  type GetMarketReturnType,
  getMarket,
} from "./actions/public/getMarket.js";
export {
  type GetMarketPositionsErrorType,
  type GetMarketPositionsParameters,
  type GetMarketPositionsReturnType,
  getMarketPositions,
} from "./actions/public/getMarketPositions.js";
export {
  type GetMarketPricesErrorType,
  type GetMarketPricesParameters,
  type GetMarketPricesReturnType,
  getMarketPrices,
} from "./actions/public/getMarketPrices.js";
export {
  type GetMarketsErrorType,
  type GetMarketsParameters,
  type GetMarketsReturnType,
  getMarkets,
} from "./actions/public/getMarkets.js";
export {
  type GetPendingRequestsErrorType,
  type GetPendingRequestsParameters,
  type GetPendingRequestsReturnType,
  getPendingRequests,
  type PendingRequest,
} from "./actions/public/getPendingRequests.js";
export {
  type GetPoolValueErrorType,
  type GetPoolValueParameters,
  type GetPoolValueReturnType,
  getPoolValue,
} from "./actions/public/getPoolValue.js";
export {
  type GetPositionErrorType,
  type GetPositionParameters,
  type GetPositionReturnType,
  getPosition,
} from "./actions/public/getPosition.js";
export {
  type GetPositionHealthErrorType,
  type GetPositionHealthParameters,
  type GetPositionHealthReturnType,
  getPositionHealth,
} from "./actions/public/getPositionHealth.js";
export {
  type GetRequestErrorType,
  type GetRequestParameters,
  type GetRequestReturnType,
  getRequest,
} from "./actions/public/getRequest.js";
export {
  type GetSettingsErrorType,
  type GetSettingsParameters,
  type GetSettingsReturnType,
  getSettings,
} from "./actions/public/getSettings.js";
export {
  type GetSharePriceErrorType,
  type GetSharePriceParameters,
  type GetSharePriceReturnType,
  getSharePrice,
  type SharePriceVariant,
} from "./actions/public/getSharePrice.js";
export {
  type GetSolvencyErrorType,
  type GetSolvencyParameters,
  type GetSolvencyReturnType,
  getSolvency,
} from "./actions/public/getSolvency.js";
// User writes (a wallet client with an account)
export {
  type ApproveTokenErrorType,
  type ApproveTokenParameters,
  type ApproveTokenReturnType,
  approveToken,
} from "./actions/wallet/approveToken.js";
export {
  type CancelDepositErrorType,
  type CancelDepositParameters,
  type CancelDepositReturnType,
  cancelDeposit,
} from "./actions/wallet/cancelDeposit.js";
export {
  type CancelOrderErrorType,
  type CancelOrderParameters,
  type CancelOrderReturnType,
  cancelOrder,
} from "./actions/wallet/cancelOrder.js";
export {
  type CancelWithdrawalErrorType,
  type CancelWithdrawalParameters,
  type CancelWithdrawalReturnType,
  cancelWithdrawal,
} from "./actions/wallet/cancelWithdrawal.js";
export {
  type ClaimEthErrorType,
  type ClaimEthParameters,
  type ClaimEthReturnType,
  claimEth,
} from "./actions/wallet/claimEth.js";
export {
  type ClaimFundsErrorType,
  type ClaimFundsParameters,
  type ClaimFundsReturnType,
  claimFunds,
} from "./actions/wallet/claimFunds.js";
export {
  type CreateDepositErrorType,
  type CreateDepositParameters,
  type CreateDepositReturnType,
  createDeposit,
} from "./actions/wallet/createDeposit.js";
export {
  type CreateOrderErrorType,
  type CreateOrderParameters,
  type CreateOrderReturnType,
  createOrder,
} from "./actions/wallet/createOrder.js";
export {
  type CreateWithdrawalErrorType,
  type CreateWithdrawalParameters,
  type CreateWithdrawalReturnType,
  createWithdrawal,
} from "./actions/wallet/createWithdrawal.js";
// Errors
export { BastionError } from "./errors/base.js";
export {
  type DecodeBastionErrorErrorType,
  type DecodeBastionErrorParameters,
  type DecodeBastionErrorReturnType,
  type DecodedError,
  decodeBastionError,
} from "./errors/decodeBastionError.js";
export {
  BastionContractError,
  EventNotFoundError,
  ExecutionFeeTooLowError,
  InvalidParameterError,
  isBastionContractError,
  isRequestGone,
  RequestGoneError,
  TransactionRevertedError,
  UnknownMarketError,
} from "./errors/errors.js";
export type { KeeperParameters, KeeperResult, RequestOutcome } from "./internal/execute.js";
export type { MarketInfo } from "./internal/markets.js";
export type { SigningClient, WriteOptions } from "./internal/write.js";
// Pyth
export {
  type BastionHermesClient,
  type CreateHermesClientErrorType,
  type CreateHermesClientParameters,
  type CreateHermesClientReturnType,
  createHermesClient,
} from "./pyth/createHermesClient.js";
export { HermesError, type HermesErrorCode } from "./pyth/errors.js";
export {
  type FetchPriceUpdateErrorType,
  type FetchPriceUpdateParameters,
  type FetchPriceUpdateReturnType,
  fetchPriceUpdate,
} from "./pyth/fetchPriceUpdate.js";
// Types
export type {
  BadDebtLedger,
  Deposit,
  ExchangeSettings,
  FeedConfig,
  MarketConfig,
  MarketPrices,
  MarketState,
  OpenInterest,
  OracleSettings,
  Order,
  OrderTypeName,
  PoolBalances,
  Position,
  PositionState,
  PriceRange,
  PythPrice,
  RateState,
  RequestKind,
  RequestOf,
  Solvency,
  TokenInfo,
  Withdrawal,
} from "./types.js";
// Utils
export {
  acceptablePrice,
  acceptablePriceIsMax,
  isIncreaseOrder,
  isMarketOrder,
  limitIncreaseOrder,
  marketDecreaseOrder,
  marketIncreaseOrder,
  type OrderParameters,
  stopLossOrder,
  takeProfitOrder,
} from "./utils/orders.js";
export {
  ONE_SHARE,
  sharesForDepositUsd,
  usdForShares,
  VIRTUAL_SHARES,
  VIRTUAL_USD,
} from "./utils/poolMath.js";
export {
  type GetPositionKeyParameters,
  type GetPositionKeyReturnType,
  getPositionKey,
} from "./utils/positionKey.js";
export { type PythPriceToRangeParameters, pythPriceToRange } from "./utils/priceRange.js";
export { applySlippage, type SlippageDirection } from "./utils/slippage.js";
export { fromUnitPrice, toUnitPrice } from "./utils/unitPrice.js";
export { type FormatUsdOptions, formatUsd, parseUsd } from "./utils/usd.js";
