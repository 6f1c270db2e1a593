// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchangeEvents} from "../../src/interfaces/IExchangeEvents.sol";
import {Market, MarketConfig} from "../../src/types/MarketTypes.sol";
import {LiquidationBase} from "../utils/LiquidationBase.sol";
import {Vm} from "forge-std/Vm.sol";

/// @notice The insurance fund is filled by the insurance share of position fees (open and close) and
/// of liquidation fees while it is below its target; at or beyond the target the share stays with LPs.
/// Every `FeesCollected` reports the fund's inflow in the event's token.
contract InsuranceFundTest is LiquidationBase {
    function setUp() public override {
        super.setUp();
        confBps = 0;
        depositEth(lp, 1000 ether, 3_000_000e6);
    }

    function _fund() internal view returns (uint256 wethAmount, uint256 usdcAmount) {
        Market memory m = balancesOf();
        return (m.balances.insuranceLongAmount, m.balances.insuranceShortAmount);
    }

    function _fundUsd() internal view returns (uint256) {
        (uint256 w, uint256 u) = _fund();
        return w * uint256(int256(ethPrice)) * ETH_MULTIPLIER + u * 1e8 * USDC_MULTIPLIER;
    }

    /// @dev Runs `action` as recorded logs and checks that the fund changed, per token, by exactly the
    /// `toInsuranceAmount` of the `FeesCollected` events naming that token.
    function _assertFundInflowMatchesEvents(Vm.Log[] memory logs, uint256 w0, uint256 u0) internal view {
        (uint256 w1, uint256 u1) = _fund();
        uint256 toWeth;
        uint256 toUsdc;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter != address(exchange) || logs[i].topics[0] != IExchangeEvents.FeesCollected.selector) {
                continue;
            }
            address token = address(uint160(uint256(logs[i].topics[2])));
            (,,, uint256 toInsurance,) = abi.decode(logs[i].data, (uint256, uint256, uint256, uint256, uint256));
            if (token == address(weth)) toWeth += toInsurance;
            else toUsdc += toInsurance;
        }
        assertEq(w1 - w0, toWeth, "fund WETH inflow == FeesCollected(WETH).toInsuranceAmount");
        assertEq(u1 - u0, toUsdc, "fund USDC inflow == FeesCollected(USDC).toInsuranceAmount");
    }

    function test_insurance_filledByOpenFeeShare() public {
        (uint256 w0, uint256 u0) = _fund();
        vm.recordLogs();
        openEth(trader, address(usdc), 10_000e6, 100_000 * USD, true);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        FeesEvent memory f = findFees(logs);
        // Opening a lone long builds skew: the negative-impact fee factor (7 bps).
        assertEq(f.positionFeeUsd, 70 * USD, "open fee");
        assertEq(f.toInsuranceAmount, 14e6, "20% of it, in USDC");
        _assertFundInflowMatchesEvents(logs, w0, u0);
    }

    function test_insurance_filledByOpenFeeShare_wethCollateral() public {
        (uint256 w0, uint256 u0) = _fund();
        vm.recordLogs();
        openEth(trader, address(weth), 5 ether, 150_000 * USD, true);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        FeesEvent memory f = findFees(logs);
        assertEq(f.toInsuranceAmount, f.positionFeeUsd * 20 / 100 / (uint256(int256(ethPrice)) * ETH_MULTIPLIER));
        _assertFundInflowMatchesEvents(logs, w0, u0);
    }

    function test_insurance_filledByCloseFeeShare_atALoss() public {
        openEth(trader, address(usdc), 10_000e6, 100_000 * USD, true);
        setEthPrice(2950 * PYTH_ONE);
        (uint256 w0, uint256 u0) = _fund();
        vm.recordLogs();
        closeEth(trader, address(usdc), type(uint256).max, true);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertGt(findFees(logs).toInsuranceAmount, 0);
        _assertFundInflowMatchesEvents(logs, w0, u0);
    }

    /// @dev A long with USDC collateral closed in profit: the close fee is netted from the profit.
    function test_insurance_filledByCloseFeeShare_inProfit_usdcCollateralLong() public {
        openEth(trader, address(usdc), 10_000e6, 100_000 * USD, true);
        setEthPrice(3100 * PYTH_ONE);
        (uint256 w0, uint256 u0) = _fund();
        vm.recordLogs();
        closeEth(trader, address(usdc), type(uint256).max, true);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertGt(findFees(logs).toInsuranceAmount, 0);
        _assertFundInflowMatchesEvents(logs, w0, u0);
    }

    /// @dev The mirror case: a short with WETH collateral closed in profit.
    function test_insurance_filledByCloseFeeShare_inProfit_wethCollateralShort() public {
        openEth(trader, address(weth), 5 ether, 100_000 * USD, false);
        setEthPrice(2900 * PYTH_ONE);
        (uint256 w0, uint256 u0) = _fund();
        vm.recordLogs();
        closeEth(trader, address(weth), type(uint256).max, false);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertGt(findFees(logs).toInsuranceAmount, 0);
        _assertFundInflowMatchesEvents(logs, w0, u0);
    }

    function test_insurance_filledByLiquidationFeeShare() public {
        bytes32 key = openEthAndWait(trader, address(usdc), 2000e6, 50_000 * USD, true);
        moveToRemaining(key, 300 * int256(USD));
        (uint256 w0, uint256 u0) = _fund();
        vm.recordLogs();
        assertTrue(liquidateNow(key));
        Vm.Log[] memory logs = vm.getRecordedLogs();
        FeesEvent memory f = findFees(logs);
        assertEq(f.liquidationFeeAmount, 100e6);
        // Close fee share + 20% of the liquidation fee.
        assertEq(f.toInsuranceAmount, f.positionFeeUsd * 20 / 100 / 1e24 + 20e6);
        _assertFundInflowMatchesEvents(logs, w0, u0);
    }

    /// @dev Round trips fill the fund until it reaches the target (it may overshoot by one share); from
    /// then on the shares stay in the pool.
    function test_insurance_stopsAtTarget_shareStaysWithLps() public {
        MarketConfig memory c = ethConfig();
        c.safety.insuranceTargetUsd = 500 * USD;
        setEthConfig(c);
        uint256 trips;
        while (_fundUsd() < 500 * USD) {
            openEth(trader, address(usdc), 100_000e6, 1_000_000 * USD, true);
            closeEth(trader, address(usdc), type(uint256).max, true);
            ++trips;
        }
        assertGt(trips, 1, "several round trips");
        uint256 overshoot = _fundUsd() - 500 * USD;
        assertLe(overshoot, 1_000_000 * 7 * 20 * USD / 1e6, "overshoot at most one share of a fee");

        (uint256 w0, uint256 u0) = _fund();
        uint256 poolBefore = balancesOf().balances.shortAmount;
        vm.recordLogs();
        openEth(trader, address(usdc), 100_000e6, 1_000_000 * USD, true);
        FeesEvent memory f = findFees(vm.getRecordedLogs());
        (uint256 w1, uint256 u1) = _fund();
        assertEq(w1, w0, "fund unchanged at target");
        assertEq(u1, u0, "fund unchanged at target");
        assertEq(f.toInsuranceAmount, 0);
        assertEq(
            balancesOf().balances.shortAmount - poolBefore, f.positionFeeUsd / 1e24, "the whole fee stays in the pool"
        );
    }
}
