// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchangeErrors} from "../../src/interfaces/IExchangeErrors.sol";
import {IExchangeEvents} from "../../src/interfaces/IExchangeEvents.sol";
import {LiquidationBase} from "../utils/LiquidationBase.sol";
import {Vm} from "forge-std/Vm.sol";

/// @notice `liquidatePositions`: one price update for many positions of a market. It liquidates
/// exactly the listed positions below maintenance margin, skips the rest (closed, another market's,
/// healthy) instead of reverting, and leaves the same state as liquidating them one by one in the
/// same block.
contract BatchLiquidationTest is LiquidationBase {
    address internal shorter = makeAddr("shorter");
    bytes32[] internal longs;
    bytes32 internal short;

    function setUp() public override {
        super.setUp();
        depositEth(lp, 1000 ether, 3_000_000e6);
        for (uint256 i; i < 3; ++i) {
            // 40x longs with USDC collateral: liquidatable after a 2% drop.
            longs.push(openEth(_account("trader", i), address(usdc), 1000e6, 40_000 * USD, true));
        }
        vm.deal(shorter, 1 ether);
        short = openEthAndWait(shorter, address(usdc), 10_000e6, 40_000 * USD, false);
        moveEthTo(2940 * PYTH_ONE);
        vm.warp(block.timestamp + 1);
    }

    /// @dev A fresh account with ETH for execution fees.
    function _account(string memory name, uint256 i) internal returns (address account) {
        account = makeAddr(string.concat(name, vm.toString(i)));
        vm.deal(account, 1 ether);
    }

    function _batch(address market, bytes32[] memory keys) internal returns (bool confirmed, uint256 liquidated) {
        bytes[] memory update = priceUpdateNow();
        vm.prank(liquidator);
        return exchange.liquidatePositions{value: 3}(market, keys, update);
    }

    function _keys(bytes32 a, bytes32 b, bytes32 c, bytes32 d, bytes32 e) internal pure returns (bytes32[] memory k) {
        k = new bytes32[](5);
        (k[0], k[1], k[2], k[3], k[4]) = (a, b, c, d, e);
    }

    function test_batch_liquidatesTheLiquidatableAndSkipsTheRest() public {
        for (uint256 i; i < longs.length; ++i) {
            (,, bool liquidatable) = health(longs[i]);
            assertTrue(liquidatable, "long below maintenance");
        }
        (,, bool shortLiquidatable) = health(short);
        assertFalse(shortLiquidatable, "short healthy");
        // Closed already (one long), healthy (the short), unknown, listed twice.
        assertTrue(liquidateNow(longs[0]));
        bytes32[] memory keys = _keys(longs[0], short, longs[1], keccak256("no such position"), longs[2]);
        vm.recordLogs();
        (bool confirmed, uint256 liquidated) = _batch(ethMarket, keys);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertTrue(confirmed);
        assertEq(liquidated, 2, "the two remaining longs");
        assertEq(countEvents(logs, address(exchange), IExchangeEvents.PositionLiquidated.selector), 2);
        for (uint256 i; i < longs.length; ++i) {
            assertEq(position(longs[i]).sizeUsd, 0, "long closed");
        }
        assertEq(position(short).sizeUsd, 40_000 * USD, "short untouched");
        assertVaultAccounted();
        assertLedgerAddsUp();
    }

    function test_batch_skipsPositionsOfAnotherMarket() public {
        (bool confirmed, uint256 liquidated) = _batch(btcMarket, longs);
        assertTrue(confirmed);
        assertEq(liquidated, 0, "ETH positions are not liquidated through the BTC market");
        assertEq(position(longs[0]).sizeUsd, 40_000 * USD);
    }

    function test_batch_leavesTheSameStateAsSingleLiquidations() public {
        bytes32[] memory keys = _keys(longs[2], short, longs[0], longs[2], longs[1]);
        address[] memory owners = _owners(keys);
        uint256 snapshot = vm.snapshotState();
        (, uint256 liquidated) = _batch(ethMarket, keys);
        bytes32 afterBatch = _stateHash(keys, owners);
        vm.revertToState(snapshot);
        assertEq(liquidated, _liquidateOneByOne(keys), "same number of liquidations");
        assertEq(_stateHash(keys, owners), afterBatch, "same market, positions and balances");
    }

    /// @dev Fuzzed books (sizes either side of the partial-liquidation threshold, leverage, drop,
    /// duplicates): the batch always equals one-by-one liquidation at the same price.
    function testFuzz_batch_equalsSingles(uint256[4] memory seeds, uint16 dropBps) public {
        bytes32[] memory keys = new bytes32[](seeds.length + 1);
        for (uint256 i; i < seeds.length; ++i) {
            uint256 sizeUsd = bound(seeds[i], 1000, 400_000);
            uint256 leverage = bound(seeds[i] >> 64, 5, 45);
            keys[i] = openEth(_account("fuzz", i), address(usdc), sizeUsd * 1e6 / leverage, sizeUsd * USD, i % 3 != 2);
        }
        keys[seeds.length] = keys[seeds[0] % seeds.length];
        vm.warp(block.timestamp + 1);
        moveEthTo(ethPrice - ethPrice * int64(uint64(bound(dropBps, 0, 900))) / 10_000);
        vm.warp(block.timestamp + 1);

        address[] memory owners = _owners(keys);
        uint256 snapshot = vm.snapshotState();
        (, uint256 liquidated) = _batch(ethMarket, keys);
        bytes32 afterBatch = _stateHash(keys, owners);
        vm.revertToState(snapshot);
        assertEq(liquidated, _liquidateOneByOne(keys), "same number of liquidations");
        assertEq(_stateHash(keys, owners), afterBatch, "same market, positions and balances");
    }

    function test_batch_heldBackByTheDeviationGuardLiquidatesNothing() public {
        vm.warp(block.timestamp + 15);
        setEthPrice(2500 * PYTH_ONE); // 15% below the accepted 2,940: awaits confirmation
        (bool confirmed, uint256 liquidated) = _batch(ethMarket, longs);
        assertFalse(confirmed, "held back");
        assertEq(liquidated, 0);
        assertEq(position(longs[0]).sizeUsd, 40_000 * USD, "untouched");
    }

    function test_batch_RevertWhen_noKeys() public {
        bytes[] memory update = priceUpdateNow();
        vm.expectRevert(IExchangeErrors.EmptyLiquidationBatch.selector);
        vm.prank(liquidator);
        exchange.liquidatePositions{value: 3}(ethMarket, new bytes32[](0), update);
    }

    function test_batch_RevertWhen_unknownMarket() public {
        bytes[] memory update = priceUpdateNow();
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.MarketNotFound.selector, address(usdc)));
        vm.prank(liquidator);
        exchange.liquidatePositions{value: 3}(address(usdc), longs, update);
    }

    /// @dev Everything a liquidation changes: the market (balances, open interest, rates, insurance,
    /// ledger), the listed positions, and the token balances of the liquidator and the positions' owners.
    function _stateHash(bytes32[] memory keys, address[] memory owners) internal view returns (bytes32 h) {
        h = keccak256(abi.encode(exchange.getMarket(ethMarket), usdc.balanceOf(liquidator), weth.balanceOf(liquidator)));
        for (uint256 i; i < keys.length; ++i) {
            h = keccak256(abi.encode(h, position(keys[i])));
        }
        for (uint256 i; i < owners.length; ++i) {
            h = keccak256(abi.encode(h, usdc.balanceOf(owners[i]), weth.balanceOf(owners[i])));
        }
    }

    /// @dev The owners of `keys` while the positions exist.
    function _owners(bytes32[] memory keys) internal view returns (address[] memory owners) {
        owners = new address[](keys.length);
        for (uint256 i; i < keys.length; ++i) {
            owners[i] = position(keys[i]).account;
        }
    }

    /// @dev Liquidates `keys` one by one, in order, each only while it exists and is below maintenance.
    function _liquidateOneByOne(bytes32[] memory keys) internal returns (uint256 liquidated) {
        for (uint256 i; i < keys.length; ++i) {
            if (position(keys[i]).sizeUsd == 0) continue;
            (,, bool liquidatable) = health(keys[i]);
            if (!liquidatable) continue;
            assertTrue(liquidateNow(keys[i]));
            ++liquidated;
        }
    }
}
