// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchangeEvents} from "../../src/interfaces/IExchangeEvents.sol";
import {IPoolToken} from "../../src/interfaces/IPoolToken.sol";
import {PositionChange, TradeAmounts} from "../../src/types/PositionTypes.sol";
import {MarketPrices} from "../../src/types/Price.sol";
import {CreateOrderParams, OrderType} from "../../src/types/RequestTypes.sol";
import {ExchangeFixture} from "./ExchangeFixture.sol";
import {Vm} from "forge-std/Vm.sol";

/// @notice Helpers for request-level tests on top of `ExchangeFixture`: order parameters, withdrawals,
/// pending-list queries, cancellation expectations and decoding of position events.
abstract contract RequestFixture is ExchangeFixture {
    uint8 internal constant DEPOSITS = 0;
    uint8 internal constant WITHDRAWALS = 1;
    uint8 internal constant ORDERS = 2;
    /// @dev MockPyth charges 1 wei per update and the fixture's update holds three.
    uint256 internal constant PYTH_FEE = 3;
    uint256 internal constant BPS = 1e26;

    // ------------------------------------------------------------------ requests

    function orderParams(
        OrderType orderType,
        address collateralToken,
        bool isLong,
        uint256 sizeDeltaUsd,
        uint256 collateralDeltaAmount,
        uint256 triggerPrice,
        uint256 acceptablePrice
    ) internal view returns (CreateOrderParams memory) {
        return CreateOrderParams({
            market: ethMarket,
            collateralToken: collateralToken,
            isLong: isLong,
            orderType: orderType,
            sizeDeltaUsd: sizeDeltaUsd,
            collateralDeltaAmount: collateralDeltaAmount,
            triggerPrice: triggerPrice,
            acceptablePrice: acceptablePrice
        });
    }

    function submitOrder(address account, CreateOrderParams memory params) internal returns (uint256 id) {
        vm.prank(account);
        id = exchange.createOrder{value: EXECUTION_FEE}(params);
    }

    function createWithdrawalAs(address account, uint256 shares, uint256 minLong, uint256 minShort)
        internal
        returns (uint256 id)
    {
        vm.prank(account);
        id = exchange.createWithdrawal{value: EXECUTION_FEE}(ethMarket, shares, minLong, minShort);
    }

    function executeWithdrawal(uint256 id) internal {
        vm.warp(block.timestamp + 1);
        bytes[] memory update = priceUpdateNow();
        vm.prank(keeper);
        exchange.executeWithdrawal{value: PYTH_FEE}(id, update);
    }

    /// @dev Executes an order at the current timestamp (no warp): trigger orders re-checked later.
    function executeOrderAtNow(uint256 id) internal {
        bytes[] memory update = priceUpdateNow();
        vm.prank(keeper);
        exchange.executeOrder{value: PYTH_FEE}(id, update);
    }

    function isPending(uint8 kind, uint256 id) internal view returns (bool) {
        uint256[] memory ids = exchange.getPendingRequestIds(kind, 0, 1000);
        for (uint256 i; i < ids.length; ++i) {
            if (ids[i] == id) return true;
        }
        return false;
    }

    function sharesOf(address account) internal view returns (uint256) {
        return IPoolToken(ethMarket).balanceOf(account);
    }

    // ------------------------------------------------------------------ expectations

    /// @dev Expects the exchange to emit `RequestCancelled` with exactly these values next.
    function expectCancelled(uint256 id, address account, address cancelledBy, bytes memory reason) internal {
        vm.expectEmit(true, true, true, true, address(exchange));
        emit IExchangeEvents.RequestCancelled(id, account, ethMarket, cancelledBy, reason);
    }

    // ------------------------------------------------------------------ logs

    function executeOrderRecorded(uint256 id) internal returns (Vm.Log[] memory logs) {
        vm.recordLogs();
        executeOrder(id);
        logs = vm.getRecordedLogs();
    }

    /// @dev The last log with `topic0` emitted by the exchange; fails the test when there is none.
    function findLog(Vm.Log[] memory logs, bytes32 topic0) internal pure returns (Vm.Log memory log) {
        bool found;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].topics.length > 0 && logs[i].topics[0] == topic0) {
                log = logs[i];
                found = true;
            }
        }
        assertTrue(found, "log not found");
    }

    function hasLog(Vm.Log[] memory logs, bytes32 topic0) internal pure returns (bool) {
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].topics.length > 0 && logs[i].topics[0] == topic0) return true;
        }
        return false;
    }

    function increaseOf(Vm.Log[] memory logs)
        internal
        pure
        returns (PositionChange memory change, TradeAmounts memory amounts)
    {
        Vm.Log memory log = findLog(logs, IExchangeEvents.PositionIncreased.selector);
        (,,, change, amounts) = abi.decode(log.data, (uint256, address, bool, PositionChange, TradeAmounts));
    }

    function decreaseOf(Vm.Log[] memory logs)
        internal
        pure
        returns (PositionChange memory change, TradeAmounts memory amounts, uint256 profitLong, uint256 profitShort)
    {
        Vm.Log memory log = findLog(logs, IExchangeEvents.PositionDecreased.selector);
        (,,,, change, amounts, profitLong, profitShort) =
            abi.decode(log.data, (uint256, uint8, address, bool, PositionChange, TradeAmounts, uint256, uint256));
    }

    // ------------------------------------------------------------------ values

    /// @dev USD value (30 decimals) of WETH and USDC amounts at the oracle's mid prices.
    function midValueUsd(uint256 wethAmount, uint256 usdcAmount) internal view returns (uint256) {
        MarketPrices memory p = ethMarketPrices();
        return wethAmount * ((p.long.min + p.long.max) / 2) + usdcAmount * ((p.short.min + p.short.max) / 2);
    }
}
