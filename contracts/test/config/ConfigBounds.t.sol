// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MarketDefaults} from "../../script/MarketDefaults.sol";
import {IExchangeErrors} from "../../src/interfaces/IExchangeErrors.sol";
import {IPriceOracle} from "../../src/interfaces/IPriceOracle.sol";
import {OracleMath} from "../../src/libraries/OracleMath.sol";
import {ExchangeSettings, MarketConfig} from "../../src/types/MarketTypes.sol";
import {ExchangeFixture} from "../utils/ExchangeFixture.sol";

/// @notice Every configurable parameter has a hard range checked when it is set: one table row per
/// market parameter (name, min, max in terms of the defaults) and per exchange setting.
contract ConfigBoundsTest is ExchangeFixture {
    error UnknownParameter(uint256 index);

    uint256 internal constant ONE = 1e30;
    uint256 internal constant YEAR = 365 days;
    uint256 internal constant N = 32;

    struct Bound {
        bytes32 name;
        uint256 min;
        uint256 max;
        /// @dev Whether min and max can each be set alone without breaking a rule between parameters.
        bool independent;
    }

    /// @dev The table, in `validateConfig`'s order; bounds that depend on another parameter use its default.
    function _table() internal pure returns (Bound[N] memory t) {
        MarketConfig memory d = MarketDefaults.marketConfig();
        t[0] = Bound("positionFeeNegative", 0, PCT, false);
        t[1] = Bound("positionFeePositive", 0, d.fees.positionFeeFactorNegativeImpact, true);
        t[2] = Bound("liquidityFee", 0, PCT, true);
        t[3] = Bound("insuranceShare", 0, ONE, true);
        t[4] = Bound("liquidationFee", 0, 2 * PCT, false);
        t[5] = Bound("negativeImpactFactor", 0, 1e24, false);
        t[6] = Bound("positiveImpactFactor", 0, d.impact.negativeImpactFactor, true);
        t[7] = Bound("maxNegativeImpact", 0, 50 * PCT, false);
        t[8] = Bound("maxPositiveImpact", 0, d.impact.maxNegativeImpactFactor, true);
        t[9] = Bound("borrowingBaseRate", 0, ONE / YEAR, true);
        t[10] = Bound("borrowingSlope1", 0, 2 * ONE / YEAR, true);
        t[11] = Bound("borrowingSlope2", 0, 20 * ONE / YEAR, true);
        t[12] = Bound("optimalUtilization", PCT, 99 * PCT, true);
        t[13] = Bound("fundingFactor", 0, 10 * ONE / YEAR, true);
        t[14] = Bound("maxOpenInterestLong", 0, 1e12 * USD, true);
        t[15] = Bound("maxOpenInterestShort", 0, 1e12 * USD, true);
        t[16] = Bound("reserveFactor", PCT, ONE, true);
        t[17] = Bound("maxPnlFactor", 10 * PCT, ONE, true);
        t[18] = Bound("maxPnlFactorForWithdrawals", 10 * PCT, ONE, true);
        t[19] = Bound("minCollateralFactor", PCT / 2, ONE, false);
        t[20] = Bound("minCollateralUsd", 0, 1000 * USD, true);
        t[21] = Bound("minPositionSize", 0, 10_000 * USD, true);
        t[22] = Bound("insuranceTarget", 0, 1e12 * USD, true);
        t[23] = Bound("adlTrigger", 10 * PCT, ONE, false);
        t[24] = Bound("adlTarget", 5 * PCT, d.safety.adlTriggerFactor, true);
        t[25] = Bound("partialLiquidationThreshold", 0, 1e12 * USD, true);
        t[26] = Bound("partialLiquidationFactor", 5 * PCT, ONE, true);
        t[27] = Bound("partialLiquidationCooldown", 0, 1 hours, true);
        t[28] = Bound("minMaintenanceMargin", PCT / 10, 50 * PCT, false);
        t[29] = Bound("maxMaintenanceMargin", d.margin.minMaintenanceMarginFactor, 50 * PCT, false);
        t[30] = Bound("maintenanceMarginStep", 0, 5 * PCT, true);
        t[31] = Bound("maintenanceMarginInterval", 0, 1 days, true);
    }

    function _set(MarketConfig memory c, uint256 i, uint256 v) internal pure {
        if (i == 0) c.fees.positionFeeFactorNegativeImpact = v;
        else if (i == 1) c.fees.positionFeeFactorPositiveImpact = v;
        else if (i == 2) c.fees.liquidityFeeFactor = v;
        else if (i == 3) c.fees.insuranceShareFactor = v;
        else if (i == 4) c.fees.liquidationFeeFactor = v;
        else if (i == 5) c.impact.negativeImpactFactor = v;
        else if (i == 6) c.impact.positiveImpactFactor = v;
        else if (i == 7) c.impact.maxNegativeImpactFactor = v;
        else if (i == 8) c.impact.maxPositiveImpactFactor = v;
        else if (i == 9) c.rates.borrowingBaseRatePerSecond = v;
        else if (i == 10) c.rates.borrowingSlope1PerSecond = v;
        else if (i == 11) c.rates.borrowingSlope2PerSecond = v;
        else if (i == 12) c.rates.optimalUtilizationFactor = v;
        else if (i == 13) c.rates.fundingFactorPerSecond = v;
        else if (i == 14) c.risk.maxOpenInterestLongUsd = v;
        else if (i == 15) c.risk.maxOpenInterestShortUsd = v;
        else if (i == 16) c.risk.reserveFactor = v;
        else if (i == 17) c.risk.maxPnlFactor = v;
        else if (i == 18) c.risk.maxPnlFactorForWithdrawals = v;
        else if (i == 19) c.risk.minCollateralFactor = v;
        else if (i == 20) c.risk.minCollateralUsd = v;
        else if (i == 21) c.risk.minPositionSizeUsd = v;
        else if (i == 22) c.safety.insuranceTargetUsd = v;
        else if (i == 23) c.safety.adlTriggerFactor = v;
        else if (i == 24) c.safety.adlTargetFactor = v;
        else if (i == 25) c.safety.partialLiquidationThresholdUsd = v;
        else if (i == 26) c.safety.partialLiquidationFactor = v;
        else if (i == 27) c.safety.partialLiquidationCooldown = v;
        else if (i == 28) c.margin.minMaintenanceMarginFactor = v;
        else if (i == 29) c.margin.maxMaintenanceMarginFactor = v;
        else if (i == 30) c.margin.maxStep = v;
        else if (i == 31) c.margin.minInterval = v;
        else revert UnknownParameter(i);
    }

    function _expectOutOfBounds(Bound memory b, uint256 value) internal {
        vm.expectRevert(
            abi.encodeWithSelector(IExchangeErrors.ParameterOutOfBounds.selector, b.name, value, b.min, b.max)
        );
    }

    function test_RevertWhen_anyMarketParameterOutOfBounds() public {
        Bound[N] memory t = _table();
        uint256 checked;
        for (uint256 i; i < N; ++i) {
            MarketConfig memory c = MarketDefaults.marketConfig();
            _set(c, i, t[i].max + 1);
            _expectOutOfBounds(t[i], t[i].max + 1);
            exchange.setMarketConfig(ethMarket, c);
            ++checked;
            if (t[i].min > 0) {
                c = MarketDefaults.marketConfig();
                _set(c, i, t[i].min - 1);
                _expectOutOfBounds(t[i], t[i].min - 1);
                exchange.setMarketConfig(ethMarket, c);
                ++checked;
            }
        }
        assertEq(checked, N + 10, "every upper bound and the ten non-zero lower bounds");
    }

    function test_marketParametersAtTheirBounds_areAccepted() public {
        Bound[N] memory t = _table();
        for (uint256 i; i < N; ++i) {
            if (!t[i].independent) continue;
            MarketConfig memory c = MarketDefaults.marketConfig();
            _set(c, i, t[i].max);
            exchange.setMarketConfig(ethMarket, c);
            c = MarketDefaults.marketConfig();
            _set(c, i, t[i].min);
            exchange.setMarketConfig(ethMarket, c);
        }
        assertEq(marketState(ethMarket).config.margin.minInterval, 0, "the last one set");
    }

    function test_RevertWhen_createMarketWithParameterOutOfBounds() public {
        MarketConfig memory c = MarketDefaults.marketConfig();
        c.risk.reserveFactor = ONE + 1;
        vm.expectRevert(
            abi.encodeWithSelector(
                IExchangeErrors.ParameterOutOfBounds.selector, bytes32("reserveFactor"), ONE + 1, PCT, ONE
            )
        );
        exchange.createMarket(
            address(wbtc), address(wbtc), address(usdc), c, MarketDefaults.MAINTENANCE_MARGIN, "X", "X"
        );
    }

    function test_RevertWhen_createMarketWithMaintenanceMarginOutsideBounds() public {
        MarketConfig memory c = MarketDefaults.marketConfig();
        vm.expectRevert(
            abi.encodeWithSelector(
                IExchangeErrors.ParameterOutOfBounds.selector,
                bytes32("maintenanceMargin"),
                2 * PCT,
                c.margin.minMaintenanceMarginFactor,
                c.margin.maxMaintenanceMarginFactor
            )
        );
        exchange.createMarket(address(wbtc), address(wbtc), address(usdc), c, 2 * PCT, "X", "X");
    }

    function test_RevertWhen_liquidationFeeExceedsLowestMaintenanceMargin() public {
        MarketConfig memory c = MarketDefaults.marketConfig();
        c.fees.liquidationFeeFactor = c.margin.minMaintenanceMarginFactor + 1;
        vm.expectRevert(
            abi.encodeWithSelector(
                IExchangeErrors.ParameterOutOfBounds.selector,
                bytes32("liquidationFeeVsMargin"),
                c.margin.minMaintenanceMarginFactor + 1,
                0,
                c.margin.minMaintenanceMarginFactor
            )
        );
        exchange.setMarketConfig(ethMarket, c);
    }

    function test_RevertWhen_createMarketWithInvalidTokens() public {
        MarketConfig memory c = MarketDefaults.marketConfig();
        uint256 mm = MarketDefaults.MAINTENANCE_MARGIN;
        address noFeed = makeAddr("token without feed");
        address[3][4] memory cases = [
            [address(weth), address(0), address(usdc)],
            [address(weth), address(usdc), address(usdc)],
            [address(weth), address(weth), noFeed],
            [noFeed, address(weth), address(usdc)]
        ];
        for (uint256 i; i < cases.length; ++i) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IExchangeErrors.InvalidMarketTokens.selector, cases[i][0], cases[i][1], cases[i][2]
                )
            );
            exchange.createMarket(cases[i][0], cases[i][1], cases[i][2], c, mm, "X", "X");
        }
    }

    // ------------------------------------------------------------------ exchange settings

    function _setSetting(ExchangeSettings memory s, uint256 i, uint256 v) internal pure {
        if (i == 0) s.requestExpiry = v;
        else if (i == 1) s.cancelDelay = v;
        else if (i == 2) s.minExecutionFee = v;
        else if (i == 3) s.maxPriceAge = v;
        else s.minExecutionGas = v;
    }

    function test_RevertWhen_anySettingOutOfBounds() public {
        Bound[5] memory t = [
            Bound("requestExpiry", 10, 1 hours, true),
            Bound("cancelDelay", 0, 1 hours, true),
            Bound("minExecutionFee", 0, 1 ether, true),
            Bound("maxPriceAge", 1, 10 minutes, true),
            Bound("minExecutionGas", 0, 10_000_000, true)
        ];
        for (uint256 i; i < t.length; ++i) {
            ExchangeSettings memory s = MarketDefaults.exchangeSettings();
            _setSetting(s, i, t[i].max + 1);
            _expectOutOfBounds(t[i], t[i].max + 1);
            exchange.setSettings(s);
            if (t[i].min > 0) {
                s = MarketDefaults.exchangeSettings();
                _setSetting(s, i, t[i].min - 1);
                _expectOutOfBounds(t[i], t[i].min - 1);
                exchange.setSettings(s);
            }
            s = MarketDefaults.exchangeSettings();
            _setSetting(s, i, t[i].max);
            exchange.setSettings(s);
        }
        assertEq(exchange.settings().minExecutionGas, 10_000_000);
    }

    // ------------------------------------------------------------------ oracle

    function test_RevertWhen_oracleSettingsOutOfBounds() public {
        IPriceOracle.OracleSettings[7] memory bad;
        for (uint256 i; i < bad.length; ++i) {
            bad[i] = MarketDefaults.oracleSettings();
        }
        bad[0].confidenceMultiplier = 10e30 + 1;
        bad[1].maxConfidenceFactor = 0;
        bad[2].maxConfidenceFactor = 10 * PCT + 1;
        bad[3].maxFutureSkew = 1 minutes + 1;
        bad[4].maxDeviationFactor = PCT - 1;
        bad[5].maxDeviationFactor = 100 * PCT + 1;
        // Each within its own bound, but together a spread of up to 12% of the price.
        bad[6].confidenceMultiplier = 3e30;
        bad[6].maxConfidenceFactor = 4 * PCT;
        for (uint256 i; i < bad.length; ++i) {
            vm.expectRevert(IPriceOracle.InvalidOracleSettings.selector);
            oracle.setSettings(bad[i]);
        }
    }

    function test_RevertWhen_feedConfigInvalid() public {
        bytes32 feed = MarketDefaults.ETH_USD_FEED;
        vm.expectRevert(abi.encodeWithSelector(IPriceOracle.InvalidFeedConfig.selector, address(0), feed, -8, 18));
        oracle.setFeed(address(0), feed, -8, 18);
        vm.expectRevert(
            abi.encodeWithSelector(IPriceOracle.InvalidFeedConfig.selector, address(weth), bytes32(0), -8, 18)
        );
        oracle.setFeed(address(weth), bytes32(0), -8, 18);
        vm.expectRevert(abi.encodeWithSelector(IPriceOracle.InvalidFeedConfig.selector, address(weth), feed, 1, 18));
        oracle.setFeed(address(weth), feed, 1, 18);
        vm.expectRevert(abi.encodeWithSelector(IPriceOracle.InvalidFeedConfig.selector, address(weth), feed, -19, 18));
        oracle.setFeed(address(weth), feed, -19, 18);
        // 30 + expo - decimals must stay in [0, 30]: a -18 exponent on a 18-decimal token does not fit.
        vm.expectRevert(abi.encodeWithSelector(OracleMath.ExponentOutOfRange.selector, int32(-18), uint8(18)));
        oracle.setFeed(address(weth), feed, -18, 18);
    }
}
