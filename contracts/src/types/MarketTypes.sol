// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice Fee parameters. Factors have 30 decimals (1e30 = 100%).
struct FeeConfig {
    /// @dev Open/close fee when the trade reduces skew (positive price impact).
    uint256 positionFeeFactorPositiveImpact;
    /// @dev Open/close fee when the trade increases skew.
    uint256 positionFeeFactorNegativeImpact;
    /// @dev Fee on LP deposits and withdrawals, kept by the pool.
    uint256 liquidityFeeFactor;
    /// @dev Share of position fees and of liquidation fees paid to the insurance fund.
    uint256 insuranceShareFactor;
    /// @dev Liquidation fee as a factor of the size closed, paid from remaining collateral.
    uint256 liquidationFeeFactor;
}

/// @notice Price impact from skew: impact = f(skew before) - f(skew after), f(x) = factor * x^2.
struct ImpactConfig {
    /// @dev Per USD of skew squared, 30 decimals (impactUsd = x^2 * factor / 1e30 / 1e30).
    uint256 positiveImpactFactor;
    uint256 negativeImpactFactor;
    /// @dev Caps as a factor of the size delta.
    uint256 maxPositiveImpactFactor;
    uint256 maxNegativeImpactFactor;
}

/// @notice Rates per second (30 decimals). Borrowing by utilization (kink model) is paid by positions
/// to LPs; funding from skew is paid by the larger side to the smaller.
struct RateConfig {
    uint256 borrowingBaseRatePerSecond;
    uint256 borrowingSlope1PerSecond;
    uint256 borrowingSlope2PerSecond;
    uint256 optimalUtilizationFactor;
    /// @dev Funding rate at full skew (all open interest on one side).
    uint256 fundingFactorPerSecond;
}

/// @notice Market limits and risk parameters.
struct RiskConfig {
    uint256 maxOpenInterestLongUsd;
    uint256 maxOpenInterestShortUsd;
    /// @dev Open interest may reserve at most this factor of the backing pool token's value.
    uint256 reserveFactor;
    /// @dev Cap on traders' positive PnL as a factor of the backing pool token's value.
    uint256 maxPnlFactor;
    /// @dev Withdrawals are refused while traders' PnL exceeds this factor of the side's pool value.
    uint256 maxPnlFactorForWithdrawals;
    /// @dev Opening requirement: remaining collateral >= size * minCollateralFactor (max leverage).
    uint256 minCollateralFactor;
    uint256 minCollateralUsd;
    uint256 minPositionSizeUsd;
}

/// @notice Insurance fund, auto-deleveraging and partial liquidation parameters.
struct SafetyConfig {
    /// @dev Insurance fund target in USD; fee shares beyond it flow to LPs.
    uint256 insuranceTargetUsd;
    /// @dev ADL may start when a side's PnL exceeds this factor of its pool value.
    uint256 adlTriggerFactor;
    /// @dev ADL stops once the ratio is at or below this factor.
    uint256 adlTargetFactor;
    /// @dev Positions at least this large are liquidated in slices.
    uint256 partialLiquidationThresholdUsd;
    /// @dev Share of the size closed by one partial liquidation.
    uint256 partialLiquidationFactor;
    /// @dev Minimum time between two partial liquidations of a position; inside it, liquidation is full.
    uint256 partialLiquidationCooldown;
}

/// @notice Bounds within which the risk keeper may move the maintenance margin factor.
struct MarginBounds {
    uint256 minMaintenanceMarginFactor;
    uint256 maxMaintenanceMarginFactor;
    /// @dev Largest change of the factor in one update.
    uint256 maxStep;
    /// @dev Minimum seconds between two updates.
    uint256 minInterval;
}

/// @notice Every configurable parameter of a market. Set at creation and through the timelock.
struct MarketConfig {
    FeeConfig fees;
    ImpactConfig impact;
    RateConfig rates;
    RiskConfig risk;
    SafetyConfig safety;
    MarginBounds margin;
}

/// @notice Token amounts a market's pool vault holds, by owner.
struct PoolBalances {
    /// @dev Owned by LPs.
    uint256 longAmount;
    uint256 shortAmount;
    /// @dev The market's insurance fund.
    uint256 insuranceLongAmount;
    uint256 insuranceShortAmount;
    /// @dev Position collateral, by collateral token.
    uint256 collateralLongTokenAmount;
    uint256 collateralShortTokenAmount;
    /// @dev Escrowed for pending requests (deposits, increase orders).
    uint256 escrowLongTokenAmount;
    uint256 escrowShortTokenAmount;
    /// @dev Owed to accounts whose transfer failed; claimable.
    uint256 claimableLongTokenAmount;
    uint256 claimableShortTokenAmount;
}

/// @notice Open interest per side, in USD (sum of sizes) and in index tokens.
struct OpenInterest {
    uint256 longUsd;
    uint256 shortUsd;
    uint256 longTokens;
    uint256 shortTokens;
}

/// @notice Cumulative borrowing and funding indices and the sums that give pending fees in O(1).
struct RateState {
    /// @dev Cumulative borrowing factor per USD of size, 30 decimals.
    uint256 cumulativeBorrowingFactorLong;
    uint256 cumulativeBorrowingFactorShort;
    /// @dev Sum over open positions of sizeUsd * borrowing snapshot.
    uint256 borrowingSnapshotSumLong;
    uint256 borrowingSnapshotSumShort;
    /// @dev Cumulative funding per USD of size, 30 decimals; positive = the side pays.
    int256 cumulativeFundingPerSizeLong;
    int256 cumulativeFundingPerSizeShort;
    /// @dev Sum over open positions of sizeUsd * funding snapshot.
    int256 fundingSnapshotSumLong;
    int256 fundingSnapshotSumShort;
    uint256 lastAccruedAt;
}

/// @notice Cumulative bad-debt totals of a pool, in USD with 30 decimals.
struct BadDebtLedger {
    uint256 totalShortfallUsd;
    uint256 coveredByInsuranceUsd;
    uint256 absorbedByLpUsd;
    uint256 shortfallCount;
}

/// @notice A market: identity, configuration and state. The market's id is its pool token address.
struct Market {
    address indexToken;
    address longToken;
    address shortToken;
    bool paused;
    bool adlActiveLong;
    bool adlActiveShort;
    uint256 maintenanceMarginFactor;
    uint256 maintenanceMarginUpdatedAt;
    MarketConfig config;
    PoolBalances balances;
    OpenInterest openInterest;
    RateState rates;
    BadDebtLedger ledger;
}

/// @notice Exchange-wide settings (timelocked).
struct ExchangeSettings {
    /// @dev A market request must be executed with prices published within this many seconds after it.
    uint256 requestExpiry;
    /// @dev The owner may cancel a pending request this many seconds after creating it.
    uint256 cancelDelay;
    /// @dev Minimum ETH execution fee per request, paid to the executing keeper.
    uint256 minExecutionFee;
    /// @dev Liquidations, ADL and trigger orders need prices no older than this.
    uint256 maxPriceAge;
    /// @dev Gas an execution must have left before the guarded call, so a keeper cannot force a failure.
    uint256 minExecutionGas;
}
