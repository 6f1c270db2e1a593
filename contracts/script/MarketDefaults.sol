// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPriceOracle} from "../src/interfaces/IPriceOracle.sol";
import {
    ExchangeSettings,
    FeeConfig,
    ImpactConfig,
    MarginBounds,
    MarketConfig,
    RateConfig,
    RiskConfig,
    SafetyConfig
} from "../src/types/MarketTypes.sol";

/// @title MarketDefaults
/// @notice The parameters the deploy script and the tests start from. Factors have 30 decimals
/// (1e30 = 100%), USD has 30 decimals, rates are per second.
library MarketDefaults {
    uint256 internal constant PCT = 1e28;
    uint256 internal constant BPS = 1e26;
    uint256 internal constant USD = 1e30;
    uint256 internal constant YEAR = 365 days;

    /// @notice Real Pyth feed ids (mainnet; the same on every EVM chain).
    bytes32 internal constant ETH_USD_FEED = 0xff61491a931112ddf1bd8147cd1b641375f79f5825126d665480874634fd0ace;
    bytes32 internal constant BTC_USD_FEED = 0xe62df6c8b4a85fe1a67db44dc12de5db330f7ac66b72dc658afedf0f4a415b43;
    bytes32 internal constant USDC_USD_FEED = 0xeaa020c61cc479712813461ce153894a96a6c00b21ed0cfc2798d1f9a9e9c94a;
    int32 internal constant PYTH_EXPO = -8;

    /// @notice Maintenance margin a market starts with (1%); opening needs 2% (50x max leverage).
    uint256 internal constant MAINTENANCE_MARGIN = 1 * PCT;

    function marketConfig() internal pure returns (MarketConfig memory c) {
        c.fees = FeeConfig({
            positionFeeFactorPositiveImpact: 5 * BPS,
            positionFeeFactorNegativeImpact: 7 * BPS,
            liquidityFeeFactor: 3 * BPS,
            insuranceShareFactor: 20 * PCT,
            liquidationFeeFactor: 20 * BPS
        });
        c.impact = ImpactConfig({
            // $1M of skew costs $100 (1bp) to build, half of that is paid back for reducing it.
            positiveImpactFactor: 5e19,
            negativeImpactFactor: 1e20,
            maxPositiveImpactFactor: 50 * BPS,
            maxNegativeImpactFactor: 1 * PCT
        });
        c.rates = RateConfig({
            borrowingBaseRatePerSecond: 5 * PCT / YEAR,
            borrowingSlope1PerSecond: 20 * PCT / YEAR,
            borrowingSlope2PerSecond: 150 * PCT / YEAR,
            optimalUtilizationFactor: 80 * PCT,
            fundingFactorPerSecond: 50 * PCT / YEAR
        });
        c.risk = RiskConfig({
            maxOpenInterestLongUsd: 50_000_000 * USD,
            maxOpenInterestShortUsd: 50_000_000 * USD,
            reserveFactor: 90 * PCT,
            maxPnlFactor: 90 * PCT,
            maxPnlFactorForWithdrawals: 70 * PCT,
            minCollateralFactor: 2 * PCT,
            minCollateralUsd: 1 * USD,
            minPositionSizeUsd: 10 * USD
        });
        c.safety = SafetyConfig({
            insuranceTargetUsd: 100_000 * USD,
            adlTriggerFactor: 70 * PCT,
            adlTargetFactor: 50 * PCT,
            partialLiquidationThresholdUsd: 100_000 * USD,
            partialLiquidationFactor: 20 * PCT,
            partialLiquidationCooldown: 30
        });
        c.margin = MarginBounds({
            minMaintenanceMarginFactor: 50 * BPS,
            maxMaintenanceMarginFactor: 190 * BPS,
            maxStep: 25 * BPS,
            minInterval: 5 minutes
        });
    }

    function exchangeSettings() internal pure returns (ExchangeSettings memory) {
        return ExchangeSettings({
            requestExpiry: 60, cancelDelay: 30, minExecutionFee: 0.0001 ether, maxPriceAge: 30, minExecutionGas: 800_000
        });
    }

    function oracleSettings() internal pure returns (IPriceOracle.OracleSettings memory) {
        return IPriceOracle.OracleSettings({
            confidenceMultiplier: 1e30, maxConfidenceFactor: 2 * PCT, maxFutureSkew: 10, maxDeviationFactor: 10 * PCT
        });
    }
}
