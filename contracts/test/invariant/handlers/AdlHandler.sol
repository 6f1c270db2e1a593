// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchangeEvents} from "../../../src/interfaces/IExchangeEvents.sol";
import {Market} from "../../../src/types/MarketTypes.sol";
import {Position} from "../../../src/types/PositionTypes.sol";
import {MarketPrices} from "../../../src/types/Price.sol";
import {HandlerBase} from "./HandlerBase.sol";
import {Vm} from "forge-std/Vm.sol";

/// @notice The ADL keeper: deleverages a random position by a random size. The handler keeps its own
/// model of each side's ADL episode from what it observes (the PnL to pool factor, computed here from
/// the market state as specified): an episode starts with an ADL above the trigger that leaves the
/// factor above the target, and ends at an ADL that leaves it at or below the target or at an attempt
/// that sees it at or below the target. Every successful ADL is recorded with the factor it saw; one
/// the model does not allow is a violation, and the contract's flag must equal the model's.
contract AdlHandler is HandlerBase {
    address public immutable adlKeeper;

    /// @dev [short side, long side]
    bool[2] public episode;
    uint256 public attempts;
    uint256 public successes;
    uint256 public heldBack;
    uint256 public deactivations;
    uint256 public violations;
    uint256 public flagMismatches;
    uint256 public maxFactorSeen;
    uint256 public lastSuccessFactor;

    constructor(Deployment memory d, address adlKeeper_) HandlerBase(d) {
        adlKeeper = adlKeeper_;
        vm.deal(adlKeeper_, 1000 ether);
    }

    function adl(uint256 seed, uint256 sizeSeed) external {
        _keeperTick();
        bytes32[] memory keys = _positionKeys();
        if (keys.length == 0) return;
        bytes32 key = keys[seed % keys.length];
        Position memory p = exchange.getPosition(key);
        uint256 side = p.isLong ? 1 : 0;
        Market memory m = _market();
        uint256 factor = pnlToPoolFactor(m, _prices(), p.isLong);
        if (factor > maxFactorSeen) maxFactorSeen = factor;
        bool endsEpisode = episode[side] && factor <= m.config.safety.adlTargetFactor;
        bool allowed =
            factor > m.config.safety.adlTriggerFactor || (episode[side] && factor > m.config.safety.adlTargetFactor);

        bytes[] memory update = _update();
        ++attempts;
        vm.recordLogs();
        vm.prank(adlKeeper);
        try exchange.executeAdl{value: PYTH_FEE}(key, _bound(sizeSeed, 1, p.sizeUsd), update) returns (bool ok) {
            Vm.Log[] memory logs = vm.getRecordedLogs();
            ghosts.consume(logs);
            (bool emitted, bool active) = _adlState(logs);
            if (ok) {
                ++successes;
                lastSuccessFactor = factor;
                if (!allowed) ++violations;
                episode[side] = active;
            } else if (emitted) {
                ++deactivations; // the episode ended at this attempt
                if (!endsEpisode) ++violations;
                episode[side] = false;
            } else {
                ++heldBack; // the price awaits confirmation: nothing was observed
            }
        } catch {
            _discardRecording();
            // The contract evaluated the factor (and found it below its threshold, or the position
            // not in profit): the attempt observed the factor.
            if (endsEpisode) episode[side] = false;
        }
        bool flag = p.isLong ? _market().adlActiveLong : _market().adlActiveShort;
        if (flag != episode[side]) ++flagMismatches;
    }

    /// @notice A side's PnL to pool factor as specified: the side's PnL at the index price that
    /// maximises it over the LP-owned pool token backing it at its min price, rounded down.
    function pnlToPoolFactor(Market memory m, MarketPrices memory p, bool isLong) public pure returns (uint256) {
        int256 pnl = isLong
            ? int256(m.openInterest.longTokens * p.index.max) - int256(m.openInterest.longUsd)
            : int256(m.openInterest.shortUsd) - int256(m.openInterest.shortTokens * p.index.min);
        if (pnl <= 0) return 0;
        uint256 poolUsd = isLong ? m.balances.longAmount * p.long.min : m.balances.shortAmount * p.short.min;
        if (poolUsd == 0) return type(uint256).max;
        return uint256(pnl) * 1e30 / poolUsd;
    }

    function _adlState(Vm.Log[] memory logs) internal view returns (bool emitted, bool active) {
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter != address(exchange) || logs[i].topics[0] != IExchangeEvents.AdlStateUpdated.selector) {
                continue;
            }
            emitted = true;
            (active,) = abi.decode(logs[i].data, (bool, uint256));
        }
    }
}
