// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchange} from "../../src/interfaces/IExchange.sol";
import {IExchangeErrors} from "../../src/interfaces/IExchangeErrors.sol";
import {IPoolToken} from "../../src/interfaces/IPoolToken.sol";
import {Market, MarketConfig} from "../../src/types/MarketTypes.sol";
import {MarketPrices} from "../../src/types/Price.sol";
import {LiquidationBase} from "../utils/LiquidationBase.sol";
import {AdlHandler} from "./handlers/AdlHandler.sol";
import {Ghosts} from "./handlers/Ghosts.sol";
import {HandlerBase, IKeeperService} from "./handlers/HandlerBase.sol";
import {KeeperHandler} from "./handlers/KeeperHandler.sol";
import {LiquidatorHandler} from "./handlers/LiquidatorHandler.sol";
import {LpHandler} from "./handlers/LpHandler.sol";
import {PriceHandler} from "./handlers/PriceHandler.sol";
import {TraderHandler} from "./handlers/TraderHandler.sol";
import {StdInvariant} from "forge-std/StdInvariant.sol";
import {console} from "forge-std/console.sol";

/// @notice Invariants of the liquidation engine, the loss waterfall and the bad-debt ledger under
/// random LP, trader, keeper, liquidator and ADL activity, random walks, gaps, crashes and time.
/// @dev Tokens enter only through the handlers' mints (no donations): vault balances must equal the
/// accounted owners exactly. The ADL trigger and target are lowered to 10% and 5% (their minimums)
/// so that ADL episodes happen within a run.
contract LiquidationInvariantsTest is StdInvariant, LiquidationBase {
    PriceHandler internal priceHandler;
    Ghosts internal ghosts;
    LpHandler internal lpHandler;
    TraderHandler internal traderHandler;
    KeeperHandler internal keeperHandler;
    LiquidatorHandler internal liquidatorHandler;
    AdlHandler internal adlHandler;
    address internal roundTripper = makeAddr("roundTripper");

    function setUp() public override {
        super.setUp();
        MarketConfig memory c = ethConfig();
        c.safety.adlTriggerFactor = 10 * PCT;
        c.safety.adlTargetFactor = 5 * PCT;
        setEthConfig(c);
        depositEth(lp, 300 ether, 900_000e6);

        priceHandler = new PriceHandler(pyth);
        ghosts = new Ghosts(address(exchange), address(weth));
        HandlerBase.Deployment memory d = HandlerBase.Deployment({
            exchange: exchange, weth: weth, usdc: usdc, market: ethMarket, prices: priceHandler, ghosts: ghosts
        });
        lpHandler = new LpHandler(d);
        traderHandler = new TraderHandler(d);
        keeperHandler = new KeeperHandler(d, keeper, oracle.settings().maxFutureSkew);
        liquidatorHandler = new LiquidatorHandler(d);
        adlHandler = new AdlHandler(d, keeper);
        IKeeperService service = IKeeperService(address(keeperHandler));
        lpHandler.setKeeperService(service);
        traderHandler.setKeeperService(service);
        liquidatorHandler.setKeeperService(service);
        adlHandler.setKeeperService(service);
        vm.deal(roundTripper, 10 ether);
        _openInitialBook();

        bytes4[] memory priceSelectors = new bytes4[](3);
        priceSelectors[0] = PriceHandler.randomWalk.selector;
        priceSelectors[1] = PriceHandler.gap.selector;
        priceSelectors[2] = PriceHandler.warpLong.selector;
        _target(address(priceHandler), priceSelectors);
        bytes4[] memory lpSelectors = new bytes4[](2);
        lpSelectors[0] = LpHandler.deposit.selector;
        lpSelectors[1] = LpHandler.withdraw.selector;
        _target(address(lpHandler), lpSelectors);
        bytes4[] memory traderSelectors = new bytes4[](2);
        traderSelectors[0] = TraderHandler.increase.selector;
        traderSelectors[1] = TraderHandler.decrease.selector;
        _target(address(traderHandler), traderSelectors);
        // The keeper also runs (executePending) before every LP, trader, liquidator and ADL action.
        bytes4[] memory keeperSelectors = new bytes4[](3);
        keeperSelectors[0] = KeeperHandler.executePending.selector;
        keeperSelectors[1] = KeeperHandler.cancelExpired.selector;
        keeperSelectors[2] = KeeperHandler.executeOutsideWindow.selector;
        _target(address(keeperHandler), keeperSelectors);
        bytes4[] memory liquidatorSelectors = new bytes4[](2);
        liquidatorSelectors[0] = LiquidatorHandler.liquidateAll.selector;
        liquidatorSelectors[1] = LiquidatorHandler.liquidateAllInOneBatch.selector;
        _target(address(liquidatorHandler), liquidatorSelectors);
        bytes4[] memory adlSelectors = new bytes4[](1);
        adlSelectors[0] = AdlHandler.adl.selector;
        _target(address(adlHandler), adlSelectors);
    }

    /// @dev Every run starts from a book of eight positions (each trader long and short, 3x to 30x,
    /// both collateral tokens), opened through the handlers, so liquidations and ADL have material.
    function _openInitialBook() internal {
        uint16[8] memory sizesK = [uint16(200), 120, 60, 150, 40, 90, 250, 30];
        uint32[8] memory leverageBps = [uint32(300_000), 50_000, 200_000, 100_000, 250_000, 30_000, 150_000, 300_000];
        for (uint256 i; i < 8; ++i) {
            traderHandler.increase(i / 2, i % 2 == 0, i % 3 == 0, uint256(sizesK[i]) * 1000, leverageBps[i]);
        }
        keeperHandler.executePending();
        assertGe(exchange.getPositionCount(ethMarket), 6, "initial book opened");
    }

    function _target(address handler, bytes4[] memory selectors) internal {
        targetContract(handler);
        targetSelector(FuzzSelector({addr: handler, selectors: selectors}));
    }

    function _prices() internal view returns (MarketPrices memory) {
        return priceHandler.marketPrices();
    }

    // ------------------------------------------------------------------ accounting
    // Each invariant function is its own fuzz campaign (with the same seed, so the same call sequences):
    // closely related checks share a campaign instead of paying for one each.

    /// @dev Exact: every token the vault holds belongs to an accounted owner (pool, insurance,
    /// collateral, escrow, claims) and the reverse; tokens only move between the vault and the actors;
    /// the solvency view's surplus is the LPs' value plus the fund.
    function invariant_vaultBalancesCoverWhatIsOwed() public view {
        assertVaultAccounted();
        assertEq(weth.balanceOf(btcMarket), 0, "the BTC market is isolated and idle");
        assertEq(_heldByVaultAndActors(address(weth)), weth.totalSupply(), "WETH only moves vault <-> actors");
        assertEq(_heldByVaultAndActors(address(usdc)), usdc.totalSupply(), "USDC only moves vault <-> actors");
        IExchange.Solvency memory sv = exchange.getSolvency(ethMarket, _prices());
        if (sv.liabilitiesUsd > 0) {
            assertEq(sv.surplusUsd, sv.lpValueUsd + int256(sv.insuranceFundUsd), "surplus == LP value + fund");
        }
    }

    function _heldByVaultAndActors(address token) internal view returns (uint256 sum) {
        IPoolToken t = IPoolToken(token);
        sum = t.balanceOf(ethMarket) + t.balanceOf(lp) + t.balanceOf(liquidatorHandler.liquidator());
        for (uint256 i; i < 3; ++i) {
            sum += t.balanceOf(lpHandler.actors(i));
        }
        for (uint256 i; i < 4; ++i) {
            sum += t.balanceOf(traderHandler.actors(i));
        }
    }

    /// @dev The ledger is the sum of the ShortfallRecorded events, to the unit, and adds up
    /// (covered + absorbed == total, the `invariant_ledgerAddsUp` of the spec).
    function invariant_recordedBadDebtEqualsGhostShortfalls() public view {
        Market memory m = balancesOf();
        assertEq(m.ledger.totalShortfallUsd, ghosts.shortfallUsd(), "total == sum of ShortfallRecorded");
        assertEq(m.ledger.coveredByInsuranceUsd, ghosts.coveredUsd(), "covered == sum of events");
        assertEq(m.ledger.absorbedByLpUsd, ghosts.absorbedUsd(), "absorbed == sum of events");
        assertEq(m.ledger.shortfallCount, ghosts.shortfallCount(), "count == number of events");
        assertLedgerAddsUp(); // invariant_ledgerAddsUp: covered + absorbed == total
    }

    /// @dev "Insurance never negative", made exact: the fund is what flowed in (FeesCollected, in the
    /// event's token) minus what covered shortfalls (ShortfallRecorded), per token. The liquidator holds
    /// exactly the fees the events say it was paid.
    function invariant_insuranceEqualsGhostInflowsMinusOutflows() public view {
        Market memory m = balancesOf();
        assertEq(m.balances.insuranceLongAmount + ghosts.insuranceOutLong(), ghosts.insuranceInLong(), "fund WETH");
        assertEq(m.balances.insuranceShortAmount + ghosts.insuranceOutShort(), ghosts.insuranceInShort(), "fund USDC");
        address who = liquidatorHandler.liquidator();
        assertEq(weth.balanceOf(who), ghosts.toLiquidatorLong(), "liquidator WETH == its fees");
        assertEq(usdc.balanceOf(who), ghosts.toLiquidatorShort(), "liquidator USDC == its fees");
    }

    // ------------------------------------------------------------------ liquidation

    struct Attempt {
        bool liquidatable;
        bool liquidated;
        bool reverted;
        bytes reason;
        int256 remaining;
        uint256 maintenance;
    }

    /// @dev In a snapshot, every position the view reports as liquidatable is liquidated (honouring the
    /// deviation guard by resubmitting, see `_attempt`); the call never reverts.
    function invariant_liquidatablePositionsCanBeLiquidated() public {
        assertEq(liquidatorHandler.revertedWhileLiquidatable(), 0, "the liquidator handler never saw a revert");
        assertEq(liquidatorHandler.batchMismatches(), 0, "a batch liquidates exactly the liquidatable positions");
        bytes32[] memory keys = exchange.getPositionKeys(ethMarket, 0, 100);
        for (uint256 i; i < keys.length; ++i) {
            (,, bool liquidatable) = exchange.getPositionHealth(keys[i], _prices());
            if (!liquidatable) continue;
            uint256 snapshot = vm.snapshotState();
            Attempt memory a = _attempt(keys[i]);
            // A second of accrual may have made a funding receiver healthy before the resubmission.
            if (a.liquidatable) {
                assertFalse(a.reverted, "a liquidatable position never reverts");
                assertTrue(a.liquidated, "a liquidatable position is liquidated");
            }
            vm.revertToState(snapshot);
        }
    }

    /// @dev In a snapshot, a position at or above maintenance is never liquidated, and the attempt
    /// reverts with PositionNotLiquidatable carrying the health view's values. One healthy position per
    /// check, rotating with time (a sweep of all of them after every call costs more than it finds).
    function invariant_healthyPositionsCannotBeLiquidated() public {
        bytes32[] memory keys = exchange.getPositionKeys(ethMarket, 0, 100);
        if (keys.length == 0) return;
        bytes32 key = keys[block.timestamp % keys.length];
        (,, bool liquidatable) = exchange.getPositionHealth(key, _prices());
        if (liquidatable) return;
        uint256 snapshot = vm.snapshotState();
        Attempt memory a = _attempt(key);
        if (!a.liquidatable) {
            assertFalse(a.liquidated, "a healthy position is not liquidated");
            assertEq(
                a.reason,
                abi.encodeWithSelector(
                    IExchangeErrors.PositionNotLiquidatable.selector, key, a.remaining, a.maintenance
                ),
                "reverts with the view's values"
            );
        }
        vm.revertToState(snapshot);
    }

    /// @dev A keeper's liquidation honouring the deviation guard: the current price is also submitted
    /// as published a second earlier (it becomes the pending price if it deviates), so the print now
    /// confirms it; if the print now is itself already pending, the next print (a second later) is
    /// submitted. Health is read from the view right before each submission.
    function _attempt(bytes32 key) internal returns (Attempt memory a) {
        bytes[] memory earlier = priceHandler.update(block.timestamp - 1);
        oracle.verifyMarketPrices{value: 3}(
            address(weth), address(weth), address(usdc), earlier, block.timestamp - 1, block.timestamp, true
        );
        for (uint256 n; n < 2; ++n) {
            (a.remaining, a.maintenance, a.liquidatable) = exchange.getPositionHealth(key, _prices());
            bytes[] memory update = priceHandler.update(block.timestamp);
            vm.prank(liquidator);
            try exchange.liquidatePosition{value: 3}(key, update) returns (bool ok) {
                if (ok) {
                    a.liquidated = true;
                    return a;
                }
            } catch (bytes memory reason) {
                a.reverted = true;
                a.reason = reason;
                return a;
            }
            vm.warp(block.timestamp + 1);
        }
    }

    // ------------------------------------------------------------------ ADL, reserve, price windows

    /// @dev Every successful ADL saw a factor above the trigger, or above the target within an episode;
    /// the contract's ADL flag is the episode the handler observed.
    function invariant_adlNeverRunsWithoutTrigger() public view {
        assertEq(adlHandler.violations(), 0, "ADL only above the trigger, or above the target within an episode");
        assertEq(adlHandler.flagMismatches(), 0, "the contract's ADL flag follows the episode");
    }

    function invariant_openInterestWithinReserve() public view {
        assertEq(keeperHandler.reserveViolations(), 0, "after every increase: reserve and open interest caps hold");
    }

    function invariant_noExecutionOutsidePriceWindow() public view {
        assertEq(keeperHandler.windowViolations(), 0, "no execution with a price outside the request's window");
    }

    // ------------------------------------------------------------------ LPs

    /// @dev In a snapshot: deposit, then withdraw every share at once at unchanged prices; the value
    /// returned (at mid prices) never exceeds the value deposited.
    function invariant_lpRoundTripNeverProfitsInUnchangedState() public {
        uint256 snapshot = vm.snapshotState();
        uint256 wethIn = 10 ether;
        uint256 usdcIn = 30_000e6;
        fund(roundTripper, wethIn, usdcIn);
        bytes[] memory update = priceHandler.update(block.timestamp);
        vm.prank(roundTripper);
        uint256 depositId = exchange.createDeposit{value: EXECUTION_FEE}(ethMarket, wethIn, usdcIn, 0);
        vm.prank(keeper);
        exchange.executeDeposit{value: 3}(depositId, update);
        uint256 shares = IPoolToken(ethMarket).balanceOf(roundTripper);
        if (shares > 0) {
            vm.prank(roundTripper);
            uint256 withdrawalId = exchange.createWithdrawal{value: EXECUTION_FEE}(ethMarket, shares, 0, 0);
            vm.prank(keeper);
            exchange.executeWithdrawal{value: 3}(withdrawalId, update);
            if (IPoolToken(ethMarket).balanceOf(roundTripper) == 0) {
                uint256 mid = priceHandler.ethMid();
                uint256 valueIn = wethIn * mid + usdcIn * 1e24;
                uint256 valueOut = weth.balanceOf(roundTripper) * mid + usdc.balanceOf(roundTripper) * 1e24;
                assertLe(valueOut, valueIn, "an LP round trip never profits");
            }
        }
        vm.revertToState(snapshot);
    }

    // ------------------------------------------------------------------ summary

    function afterInvariant() public view {
        console.log("increases / decreases     ", ghosts.increases(), ghosts.decreases());
        console.log("liquidations (partial)    ", ghosts.liquidations(), ghosts.partialLiquidations());
        console.log("held back by the guard    ", liquidatorHandler.heldBack());
        console.log("liquidation batches       ", liquidatorHandler.batches());
        console.log("shortfalls, USD e-2       ", ghosts.shortfallCount(), ghosts.shortfallUsd() / 1e28);
        console.log("covered / absorbed, e-2   ", ghosts.coveredUsd() / 1e28, ghosts.absorbedUsd() / 1e28);
        console.log("ADL attempts / successes  ", adlHandler.attempts(), adlHandler.successes());
        console.log("ADL deactivations, max f  ", adlHandler.deactivations(), adlHandler.maxFactorSeen() / 1e26);
        console.log("window attempts           ", keeperHandler.windowAttempts());
        console.log("increases checked         ", keeperHandler.increasesChecked());
        console.log("crashes / long warps      ", priceHandler.crashes(), priceHandler.longWarps());
    }
}
