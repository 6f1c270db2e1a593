// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchangeErrors} from "../../src/interfaces/IExchangeErrors.sol";
import {IPriceOracle} from "../../src/interfaces/IPriceOracle.sol";
import {OracleMath} from "../../src/libraries/OracleMath.sol";
import {MarketPrices} from "../../src/types/Price.sol";
import {OracleFixture} from "../utils/OracleFixture.sol";
import {PythErrors} from "@pythnetwork/pyth-sdk-solidity/PythErrors.sol";

/// @notice Which Pyth updates the exchange accepts: publish time inside the request's window, not in
/// the future, fresh for liquidations, the right feeds, a sane confidence, a positive price with the
/// expected exponent, and the fee Pyth quotes.
contract PythOracleTest is OracleFixture {
    uint256 internal createdAt;
    uint256 internal depositId;

    function setUp() public override {
        super.setUp();
        depositEth(lp, 100 ether, 300_000e6);
        fund(lp, 1 ether, 0);
        createdAt = block.timestamp;
        depositId = createDeposit(lp, ethMarket, 1 ether, 0);
    }

    function _executeDeposit(bytes[] memory update, uint256 value) internal {
        vm.prank(keeper);
        exchange.executeDeposit{value: value}(depositId, update);
    }

    function _eth(int64 price, uint64 conf, int32 expo, uint256 publishTime) internal view returns (bytes[] memory) {
        return withEth(feedUpdate(ETH_FEED, price, conf, expo, publishTime), publishTime);
    }

    // ------------------------------------------------------------------ publish time

    function test_RevertWhen_pricePublishedBeforeRequest() public {
        vm.warp(createdAt + 5);
        bytes[] memory update = priceUpdate(createdAt - 1);
        vm.expectRevert(PythErrors.PriceFeedNotFoundWithinRange.selector);
        _executeDeposit(update, PYTH_FEE);
    }

    function test_pricePublishedInTheRequestSecond_isAccepted() public {
        vm.warp(createdAt + 5);
        _executeDeposit(priceUpdate(createdAt), PYTH_FEE);
        assertFalse(isPending(DEPOSITS, depositId));
    }

    function test_RevertWhen_pricePublishedAfterRequestWindow() public {
        vm.warp(createdAt + 60); // not expired yet, but the window closes at creation + 60
        bytes[] memory update = priceUpdate(createdAt + 61);
        vm.expectRevert(PythErrors.PriceFeedNotFoundWithinRange.selector);
        _executeDeposit(update, PYTH_FEE);
    }

    function test_RevertWhen_priceInTheFutureBeyondSkew() public {
        vm.warp(createdAt + 5);
        bytes[] memory update = priceUpdate(block.timestamp + 11);
        vm.expectRevert(PythErrors.PriceFeedNotFoundWithinRange.selector);
        _executeDeposit(update, PYTH_FEE);
    }

    function test_priceInTheFutureWithinSkew_isAccepted() public {
        vm.warp(createdAt + 5);
        _executeDeposit(priceUpdate(block.timestamp + 10), PYTH_FEE);
        assertFalse(isPending(DEPOSITS, depositId));
    }

    function test_RevertWhen_oracleAskedForAWindowPastTheSkew() public {
        // Called directly with a window reaching far past now + maxFutureSkew, the adapter still caps it.
        oracle.grantRole(oracle.VERIFIER_ROLE(), address(this));
        bytes[] memory update = priceUpdate(block.timestamp + 11);
        vm.expectRevert(PythErrors.PriceFeedNotFoundWithinRange.selector);
        oracle.verifyMarketPrices{value: PYTH_FEE}(
            address(weth), address(weth), address(usdc), update, 0, block.timestamp + 100, false
        );
        update = priceUpdate(block.timestamp + 10);
        (, bool confirmed) = oracle.verifyMarketPrices{value: PYTH_FEE}(
            address(weth), address(weth), address(usdc), update, 0, block.timestamp + 100, false
        );
        assertTrue(confirmed, "at the skew it is accepted");
    }

    function test_RevertWhen_publishWindowIsInverted() public {
        oracle.grantRole(oracle.VERIFIER_ROLE(), address(this));
        bytes[] memory update = priceUpdateNow();
        vm.expectRevert(abi.encodeWithSelector(IPriceOracle.InvalidPublishWindow.selector, 10, 9));
        oracle.verifyMarketPrices{value: PYTH_FEE}(address(weth), address(weth), address(usdc), update, 10, 9, false);
    }

    function test_RevertWhen_tokenHasNoFeed() public {
        oracle.grantRole(oracle.VERIFIER_ROLE(), address(this));
        bytes[] memory update = priceUpdateNow();
        address unknown = makeAddr("unknown token");
        vm.expectRevert(abi.encodeWithSelector(IPriceOracle.FeedNotConfigured.selector, unknown));
        oracle.verifyMarketPrices{value: PYTH_FEE}(
            address(weth), address(weth), unknown, update, 0, block.timestamp, false
        );
    }

    // ------------------------------------------------------------------ liquidation freshness

    function test_RevertWhen_liquidationPriceOlderThanMaxAge() public {
        bytes32 key = openEth(trader, address(usdc), 1000e6, 10_000 * USD, true);
        vm.warp(block.timestamp + 100);
        bytes[] memory stale = priceUpdate(block.timestamp - 31);
        vm.prank(liquidator);
        vm.expectRevert(PythErrors.PriceFeedNotFoundWithinRange.selector);
        exchange.liquidatePosition{value: PYTH_FEE}(key, stale);

        // At exactly maxPriceAge the price is used: the healthy position is then refused.
        bytes[] memory oldest = priceUpdate(block.timestamp - 30);
        vm.prank(liquidator);
        vm.expectPartialRevert(IExchangeErrors.PositionNotLiquidatable.selector);
        exchange.liquidatePosition{value: PYTH_FEE}(key, oldest);
    }

    // ------------------------------------------------------------------ content

    function test_RevertWhen_updateIsForAnotherFeedOnly() public {
        vm.warp(createdAt + 1);
        bytes[] memory update = new bytes[](2);
        update[0] = feedUpdate(BTC_FEED, btcPrice, 1e8, -8, block.timestamp);
        update[1] = feedUpdate(USDC_FEED, usdcPrice, 1e4, -8, block.timestamp);
        vm.expectRevert(PythErrors.PriceFeedNotFoundWithinRange.selector);
        _executeDeposit(update, 2);
    }

    function test_RevertWhen_confidenceTooWide() public {
        vm.warp(createdAt + 1);
        uint64 conf = uint64(uint256(int256(ethPrice))) * 201 / 10_000; // 2.01% > 2%
        bytes[] memory update = _eth(ethPrice, conf, -8, block.timestamp);
        vm.expectRevert(
            abi.encodeWithSelector(OracleMath.ConfidenceTooWide.selector, ETH_FEED, conf, ethPrice, 2 * PCT)
        );
        _executeDeposit(update, 2);
    }

    function test_confidenceAtTheLimit_isAcceptedAndWidensTheRange() public {
        vm.warp(createdAt + 1);
        oracle.grantRole(oracle.VERIFIER_ROLE(), address(this));
        uint64 conf = uint64(uint256(int256(ethPrice))) * 2 / 100; // exactly 2%
        bytes[] memory update = _eth(ethPrice, conf, -8, block.timestamp);
        (MarketPrices memory p, bool confirmed) = oracle.verifyMarketPrices{value: 2}(
            address(weth), address(weth), address(usdc), update, 0, block.timestamp, false
        );
        assertTrue(confirmed);
        // price -/+ 1 x conf, per wei: 10^(30 - 8 - 18) = 1e4 per mantissa unit
        assertEq(p.index.min, (uint256(int256(ethPrice)) - conf) * 1e4);
        assertEq(p.index.max, (uint256(int256(ethPrice)) + conf) * 1e4);
        assertEq(p.long.min, p.index.min, "same feed for index and long token");
    }

    function test_RevertWhen_priceIsZero() public {
        vm.warp(createdAt + 1);
        bytes[] memory update = _eth(0, 0, -8, block.timestamp);
        vm.expectRevert(abi.encodeWithSelector(OracleMath.NonPositivePrice.selector, ETH_FEED, int64(0)));
        _executeDeposit(update, 2);
    }

    function test_RevertWhen_priceIsNegative() public {
        vm.warp(createdAt + 1);
        bytes[] memory update = _eth(-3000e8, 0, -8, block.timestamp);
        vm.expectRevert(abi.encodeWithSelector(OracleMath.NonPositivePrice.selector, ETH_FEED, int64(-3000e8)));
        _executeDeposit(update, 2);
    }

    function test_RevertWhen_exponentIsNotTheConfiguredOne() public {
        vm.warp(createdAt + 1);
        bytes[] memory update = _eth(3000e6, 3e2, -6, block.timestamp);
        vm.expectRevert(abi.encodeWithSelector(OracleMath.UnexpectedExponent.selector, ETH_FEED, int32(-6), int32(-8)));
        _executeDeposit(update, 2);
    }

    // ------------------------------------------------------------------ Pyth fee

    function test_RevertWhen_pythFeeNotCovered() public {
        vm.warp(createdAt + 1);
        bytes[] memory update = priceUpdateNow();
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.InsufficientOracleFee.selector, 2, 3));
        _executeDeposit(update, 2);
    }

    function test_pythFee_isExactlyWhatPythQuotes() public {
        setPythFeePerUpdate(0.001 ether);
        vm.warp(createdAt + 1);
        bytes[] memory update = priceUpdateNow();
        assertEq(oracle.getUpdateFee(update), 0.003 ether, "three updates");
        uint256 keeperEth = keeper.balance;
        uint256 pythEth = address(pyth).balance;

        _executeDeposit(update, 1 ether);
        assertEq(address(pyth).balance, pythEth + 0.003 ether, "Pyth paid its quote");
        assertEq(keeper.balance, keeperEth - 0.003 ether + EXECUTION_FEE, "the rest refunded, fee earned");
        assertEq(address(exchange).balance, 0);
        assertEq(address(oracle).balance, 0);
    }

    function test_RevertWhen_pythFeeRaisedAboveWhatKeeperSends() public {
        setPythFeePerUpdate(0.001 ether);
        vm.warp(createdAt + 1);
        bytes[] memory update = priceUpdateNow();
        vm.expectRevert(
            abi.encodeWithSelector(IExchangeErrors.InsufficientOracleFee.selector, 0.002 ether, 0.003 ether)
        );
        _executeDeposit(update, 0.002 ether);
    }
}
