// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {PoolToken} from "../core/PoolToken.sol";
import {IExchangeErrors} from "../interfaces/IExchangeErrors.sol";
import {IExchangeEvents} from "../interfaces/IExchangeEvents.sol";
import {IPriceOracle} from "../interfaces/IPriceOracle.sol";
import {ExchangeState} from "../state/ExchangeState.sol";
import {ExchangeSettings, Market, MarketConfig} from "../types/MarketTypes.sol";

/// @title ConfigLogic
/// @notice Market creation and configuration. Every parameter has a hard range checked when set.
library ConfigLogic {
    uint256 private constant PCT = 1e28; // 1% with 30 decimals
    uint256 private constant ONE = 1e30;
    uint256 private constant USD = 1e30;
    uint256 private constant YEAR = 365 days;

    function createMarket(
        ExchangeState storage s,
        IPriceOracle oracle,
        address indexToken,
        address longToken,
        address shortToken,
        MarketConfig calldata config,
        uint256 maintenanceMarginFactor,
        string calldata name,
        string calldata symbol
    ) external returns (address market) {
        if (
            longToken == address(0) || shortToken == address(0) || indexToken == address(0) || longToken == shortToken
                || oracle.feedConfig(indexToken).feedId == bytes32(0)
                || oracle.feedConfig(longToken).feedId == bytes32(0)
                || oracle.feedConfig(shortToken).feedId == bytes32(0)
        ) revert IExchangeErrors.InvalidMarketTokens(indexToken, longToken, shortToken);
        validateConfig(config);
        _validateMaintenanceMargin(config, maintenanceMarginFactor);

        market = address(new PoolToken(name, symbol, address(this)));
        Market storage m = s.markets[market];
        m.indexToken = indexToken;
        m.longToken = longToken;
        m.shortToken = shortToken;
        m.config = config;
        m.maintenanceMarginFactor = maintenanceMarginFactor;
        m.rates.lastAccruedAt = block.timestamp;
        s.marketList.push(market);
        emit IExchangeEvents.MarketCreated(market, indexToken, longToken, shortToken);
        emit IExchangeEvents.MarketConfigUpdated(market, config);
        emit IExchangeEvents.MaintenanceMarginUpdated(market, 0, maintenanceMarginFactor);
    }

    function setMarketConfig(Market storage m, address market, MarketConfig calldata config) external {
        validateConfig(config);
        _validateMaintenanceMargin(config, m.maintenanceMarginFactor);
        m.config = config;
        emit IExchangeEvents.MarketConfigUpdated(market, config);
    }

    /// @notice The risk keeper's bounded move of the maintenance margin factor.
    function setMaintenanceMarginFactor(Market storage m, address market, uint256 factor) external {
        uint256 current = m.maintenanceMarginFactor;
        uint256 nextUpdateAt = m.maintenanceMarginUpdatedAt + m.config.margin.minInterval;
        if (m.maintenanceMarginUpdatedAt != 0 && block.timestamp < nextUpdateAt) {
            revert IExchangeErrors.MaintenanceMarginUpdateTooSoon(nextUpdateAt);
        }
        uint256 step = factor > current ? factor - current : current - factor;
        if (step > m.config.margin.maxStep) {
            revert IExchangeErrors.MaintenanceMarginStepTooLarge(current, factor, m.config.margin.maxStep);
        }
        _validateMaintenanceMargin(m.config, factor);
        m.maintenanceMarginFactor = factor;
        m.maintenanceMarginUpdatedAt = block.timestamp;
        emit IExchangeEvents.MaintenanceMarginUpdated(market, current, factor);
    }

    function validateSettings(ExchangeSettings calldata settings) external pure {
        _check("requestExpiry", settings.requestExpiry, 10, 1 hours);
        _check("cancelDelay", settings.cancelDelay, 0, 1 hours);
        _check("minExecutionFee", settings.minExecutionFee, 0, 1 ether);
        _check("maxPriceAge", settings.maxPriceAge, 1, 10 minutes);
        _check("minExecutionGas", settings.minExecutionGas, 0, 10_000_000);
    }

    /// @notice Checks every parameter of `config` against its hard range.
    function validateConfig(MarketConfig calldata c) public pure {
        _check("positionFeeNegative", c.fees.positionFeeFactorNegativeImpact, 0, PCT);
        _check("positionFeePositive", c.fees.positionFeeFactorPositiveImpact, 0, c.fees.positionFeeFactorNegativeImpact);
        _check("liquidityFee", c.fees.liquidityFeeFactor, 0, PCT);
        _check("insuranceShare", c.fees.insuranceShareFactor, 0, ONE);
        _check("liquidationFee", c.fees.liquidationFeeFactor, 0, 2 * PCT);

        _check("negativeImpactFactor", c.impact.negativeImpactFactor, 0, 1e24);
        _check("positiveImpactFactor", c.impact.positiveImpactFactor, 0, c.impact.negativeImpactFactor);
        _check("maxNegativeImpact", c.impact.maxNegativeImpactFactor, 0, 50 * PCT);
        // Paying out more positive impact than a reversed trade pays in negative impact would let a
        // round trip profit from the caps.
        _check("maxPositiveImpact", c.impact.maxPositiveImpactFactor, 0, c.impact.maxNegativeImpactFactor);

        _check("borrowingBaseRate", c.rates.borrowingBaseRatePerSecond, 0, ONE / YEAR);
        _check("borrowingSlope1", c.rates.borrowingSlope1PerSecond, 0, 2 * ONE / YEAR);
        _check("borrowingSlope2", c.rates.borrowingSlope2PerSecond, 0, 20 * ONE / YEAR);
        _check("optimalUtilization", c.rates.optimalUtilizationFactor, PCT, 99 * PCT);
        _check("fundingFactor", c.rates.fundingFactorPerSecond, 0, 10 * ONE / YEAR);

        _check("maxOpenInterestLong", c.risk.maxOpenInterestLongUsd, 0, 1e12 * USD);
        _check("maxOpenInterestShort", c.risk.maxOpenInterestShortUsd, 0, 1e12 * USD);
        _check("reserveFactor", c.risk.reserveFactor, PCT, ONE);
        _check("maxPnlFactor", c.risk.maxPnlFactor, 10 * PCT, ONE);
        _check("maxPnlFactorForWithdrawals", c.risk.maxPnlFactorForWithdrawals, 10 * PCT, ONE);
        _check("minCollateralFactor", c.risk.minCollateralFactor, PCT / 2, ONE);
        _check("minCollateralUsd", c.risk.minCollateralUsd, 0, 1000 * USD);
        _check("minPositionSize", c.risk.minPositionSizeUsd, 0, 10_000 * USD);

        _check("insuranceTarget", c.safety.insuranceTargetUsd, 0, 1e12 * USD);
        _check("adlTrigger", c.safety.adlTriggerFactor, 10 * PCT, ONE);
        _check("adlTarget", c.safety.adlTargetFactor, 5 * PCT, c.safety.adlTriggerFactor);
        _check("partialLiquidationThreshold", c.safety.partialLiquidationThresholdUsd, 0, 1e12 * USD);
        _check("partialLiquidationFactor", c.safety.partialLiquidationFactor, 5 * PCT, ONE);
        _check("partialLiquidationCooldown", c.safety.partialLiquidationCooldown, 0, 1 hours);

        _check("minMaintenanceMargin", c.margin.minMaintenanceMarginFactor, PCT / 10, 50 * PCT);
        _check(
            "maxMaintenanceMargin", c.margin.maxMaintenanceMarginFactor, c.margin.minMaintenanceMarginFactor, 50 * PCT
        );
        _check("maintenanceMarginStep", c.margin.maxStep, 0, 5 * PCT);
        _check("maintenanceMarginInterval", c.margin.minInterval, 0, 1 days);
        // Opening is always stricter than the strictest maintenance the risk keeper may set, and the
        // liquidation fee fits inside the lowest maintenance margin.
        if (c.margin.maxMaintenanceMarginFactor >= c.risk.minCollateralFactor) {
            revert IExchangeErrors.MaintenanceMarginNotBelowOpening(
                c.margin.maxMaintenanceMarginFactor, c.risk.minCollateralFactor
            );
        }
        _check("liquidationFeeVsMargin", c.fees.liquidationFeeFactor, 0, c.margin.minMaintenanceMarginFactor);
    }

    function _validateMaintenanceMargin(MarketConfig memory c, uint256 factor) private pure {
        _check("maintenanceMargin", factor, c.margin.minMaintenanceMarginFactor, c.margin.maxMaintenanceMarginFactor);
    }

    function _check(bytes32 name, uint256 value, uint256 min, uint256 max) private pure {
        if (value < min || value > max) revert IExchangeErrors.ParameterOutOfBounds(name, value, min, max);
    }
}
