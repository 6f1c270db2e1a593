// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchangeErrors} from "../../src/interfaces/IExchangeErrors.sol";
import {CreateOrderParams, OrderType} from "../../src/types/RequestTypes.sol";
import {RequestFixture} from "../utils/RequestFixture.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

/// @notice Orders refused at creation, with the exact error and values.
contract OrderValidationTest is RequestFixture {
    function setUp() public override {
        super.setUp();
        depositEth(lp, 100 ether, 300_000e6);
        fund(trader, 1 ether, 10_000e6);
    }

    function _expectCreateReverts(CreateOrderParams memory params, bytes memory err) internal {
        vm.prank(trader);
        vm.expectRevert(err);
        exchange.createOrder{value: EXECUTION_FEE}(params);
    }

    function _invalidOrder(CreateOrderParams memory p) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(
            IExchangeErrors.InvalidOrder.selector, uint8(p.orderType), p.triggerPrice, p.acceptablePrice
        );
    }

    function test_RevertWhen_increaseHasZeroSizeAndZeroCollateral() public {
        _expectCreateReverts(
            orderParams(OrderType.MarketIncrease, address(usdc), true, 0, 0, 0, type(uint256).max),
            abi.encodeWithSelector(IExchangeErrors.ZeroSizeDelta.selector)
        );
    }

    function test_RevertWhen_newPositionHasNoCollateral() public {
        _expectCreateReverts(
            orderParams(OrderType.MarketIncrease, address(usdc), true, 1000 * USD, 0, 0, type(uint256).max),
            abi.encodeWithSelector(IExchangeErrors.ZeroCollateral.selector)
        );
    }

    function test_RevertWhen_decreaseHasZeroSizeAndZeroCollateral() public {
        openEth(trader, address(usdc), 1000e6, 10_000 * USD, true);
        _expectCreateReverts(
            orderParams(OrderType.MarketDecrease, address(usdc), true, 0, 0, 0, 0),
            abi.encodeWithSelector(IExchangeErrors.ZeroSizeDelta.selector)
        );
    }

    function test_RevertWhen_decreaseOfMissingPosition() public {
        bytes32 key = exchange.positionKey(trader, ethMarket, address(usdc), false);
        _expectCreateReverts(
            orderParams(OrderType.MarketDecrease, address(usdc), false, 1000 * USD, 0, 0, type(uint256).max),
            abi.encodeWithSelector(IExchangeErrors.PositionNotFound.selector, key)
        );
    }

    function test_RevertWhen_collateralTokenIsNotAPoolToken() public {
        _expectCreateReverts(
            orderParams(OrderType.MarketIncrease, address(wbtc), true, 1000 * USD, 1, 0, type(uint256).max),
            abi.encodeWithSelector(IExchangeErrors.InvalidCollateralToken.selector, ethMarket, address(wbtc))
        );
    }

    function test_RevertWhen_marketIsUnknown() public {
        CreateOrderParams memory p =
            orderParams(OrderType.MarketIncrease, address(usdc), true, 1000 * USD, 100e6, 0, type(uint256).max);
        p.market = makeAddr("unknown market");
        _expectCreateReverts(p, abi.encodeWithSelector(IExchangeErrors.MarketNotFound.selector, p.market));
    }

    function test_RevertWhen_marketOrderHasATrigger() public {
        CreateOrderParams memory p =
            orderParams(OrderType.MarketIncrease, address(usdc), true, 1000 * USD, 100e6, 2900e12, type(uint256).max);
        _expectCreateReverts(p, _invalidOrder(p));
    }

    function test_RevertWhen_limitOrderHasNoTrigger() public {
        CreateOrderParams memory p =
            orderParams(OrderType.LimitIncrease, address(usdc), true, 1000 * USD, 100e6, 0, type(uint256).max);
        _expectCreateReverts(p, _invalidOrder(p));
    }

    function test_RevertWhen_takeProfitHasNoTrigger() public {
        openEth(trader, address(usdc), 1000e6, 10_000 * USD, true);
        CreateOrderParams memory p = orderParams(OrderType.LimitDecrease, address(usdc), true, 1000 * USD, 0, 0, 0);
        _expectCreateReverts(p, _invalidOrder(p));
    }

    function test_RevertWhen_stopLossHasNoTrigger() public {
        openEth(trader, address(usdc), 1000e6, 10_000 * USD, true);
        CreateOrderParams memory p = orderParams(OrderType.StopLossDecrease, address(usdc), true, 1000 * USD, 0, 0, 0);
        _expectCreateReverts(p, _invalidOrder(p));
    }

    function test_RevertWhen_longIncreaseHasNoMaximumPrice() public {
        CreateOrderParams memory p = orderParams(OrderType.MarketIncrease, address(usdc), true, 1000 * USD, 100e6, 0, 0);
        _expectCreateReverts(p, _invalidOrder(p));
    }

    function test_RevertWhen_shortDecreaseHasNoMaximumPrice() public {
        openEth(trader, address(usdc), 1000e6, 10_000 * USD, false);
        CreateOrderParams memory p = orderParams(OrderType.MarketDecrease, address(usdc), false, 1000 * USD, 0, 0, 0);
        _expectCreateReverts(p, _invalidOrder(p));
    }

    function test_shortIncreaseAndLongDecreaseMayHaveZeroMinimumPrice() public {
        submitOrder(trader, orderParams(OrderType.MarketIncrease, address(usdc), false, 1000 * USD, 100e6, 0, 0));
        openEth(trader, address(usdc), 1000e6, 10_000 * USD, true);
        submitOrder(trader, orderParams(OrderType.MarketDecrease, address(usdc), true, 1000 * USD, 0, 0, 0));
        assertEq(exchange.getPendingRequestCount(ORDERS), 2);
    }

    function test_RevertWhen_executionFeeBelowMinimum() public {
        vm.prank(trader);
        vm.expectRevert(
            abi.encodeWithSelector(IExchangeErrors.InsufficientExecutionFee.selector, EXECUTION_FEE / 2, EXECUTION_FEE)
        );
        exchange.createOrder{value: EXECUTION_FEE / 2}(
            orderParams(OrderType.MarketIncrease, address(usdc), true, 1000 * USD, 100e6, 0, type(uint256).max)
        );
    }

    function test_RevertWhen_collateralNotApproved() public {
        address stranger = makeAddr("stranger");
        vm.deal(stranger, 1 ether);
        usdc.mint(stranger, 100e6);
        vm.prank(stranger);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(exchange), 0, 100e6)
        );
        exchange.createOrder{value: EXECUTION_FEE}(
            orderParams(OrderType.MarketIncrease, address(usdc), true, 1000 * USD, 100e6, 0, type(uint256).max)
        );
    }
}
