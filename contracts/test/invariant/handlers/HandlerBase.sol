// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Exchange} from "../../../src/core/Exchange.sol";
import {MockERC20} from "../../../src/mocks/MockERC20.sol";
import {Market} from "../../../src/types/MarketTypes.sol";
import {MarketPrices} from "../../../src/types/Price.sol";
import {Ghosts} from "./Ghosts.sol";
import {PriceHandler} from "./PriceHandler.sol";
import {CommonBase} from "forge-std/Base.sol";
import {StdCheats} from "forge-std/StdCheats.sol";
import {StdUtils} from "forge-std/StdUtils.sol";

/// @notice The order keeper as the other handlers see it: a service that executes pending requests
/// between user actions.
interface IKeeperService {
    function executePending() external;
}

/// @notice What every handler shares: the deployment, the price handler, the ghost ledger, the event
/// recording around each action, and the keeper service that runs before each user action.
abstract contract HandlerBase is CommonBase, StdCheats, StdUtils {
    uint256 internal constant USD = 1e30;
    uint256 internal constant EXECUTION_FEE = 0.0001 ether;
    /// @dev The Pyth fee of one update (three feeds at 1 wei each in MockPyth).
    uint256 internal constant PYTH_FEE = 3;

    struct Deployment {
        Exchange exchange;
        MockERC20 weth;
        MockERC20 usdc;
        address market;
        PriceHandler prices;
        Ghosts ghosts;
    }

    Exchange internal immutable exchange;
    MockERC20 internal immutable weth;
    MockERC20 internal immutable usdc;
    address internal immutable market;
    PriceHandler internal immutable prices;
    Ghosts internal immutable ghosts;
    IKeeperService internal keeperService;

    constructor(Deployment memory d) {
        exchange = d.exchange;
        weth = d.weth;
        usdc = d.usdc;
        market = d.market;
        prices = d.prices;
        ghosts = d.ghosts;
    }

    function setKeeperService(IKeeperService service) external {
        keeperService = service;
    }

    /// @dev The keeper executes what is pending (and not expired) before the next user action, as a
    /// keeper service polling every block does; requests still expire when time jumps.
    function _keeperTick() internal {
        if (address(keeperService) != address(0)) keeperService.executePending();
    }

    function _startRecording() internal {
        vm.recordLogs();
    }

    function _stopRecording() internal {
        ghosts.consume(vm.getRecordedLogs());
    }

    /// @dev Recorded logs include those of frames that reverted afterwards: a reverted action's logs
    /// are dropped, not counted.
    function _discardRecording() internal {
        vm.getRecordedLogs();
    }

    function _update() internal view returns (bytes[] memory) {
        return prices.update(block.timestamp);
    }

    function _prices() internal view returns (MarketPrices memory) {
        return prices.marketPrices();
    }

    function _market() internal view returns (Market memory) {
        return exchange.getMarket(market);
    }

    function _positionKeys() internal view returns (bytes32[] memory) {
        return exchange.getPositionKeys(market, 0, 100);
    }

    /// @dev Mints and approves, the only way tokens enter the system in the suite.
    function _fund(address account, uint256 wethAmount, uint256 usdcAmount) internal {
        if (wethAmount > 0) weth.mint(account, wethAmount);
        if (usdcAmount > 0) usdc.mint(account, usdcAmount);
        vm.startPrank(account);
        weth.approve(address(exchange), type(uint256).max);
        usdc.approve(address(exchange), type(uint256).max);
        vm.stopPrank();
    }
}
