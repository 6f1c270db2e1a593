// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchangeEvents} from "../../../src/interfaces/IExchangeEvents.sol";
import {DEPOSIT_REQUEST, ORDER_REQUEST, WITHDRAWAL_REQUEST} from "../../../src/state/ExchangeState.sol";
import {Market} from "../../../src/types/MarketTypes.sol";
import {PositionChange, TradeAmounts} from "../../../src/types/PositionTypes.sol";
import {MarketPrices} from "../../../src/types/Price.sol";
import {HandlerBase} from "./HandlerBase.sol";
import {Vm} from "forge-std/Vm.sol";

/// @notice The order keeper: executes pending requests with a price published now, cancels expired
/// ones, and sometimes tries a price outside the request's window (published before its creation,
/// after its expiry, in the future) or an expired request, which must be rejected. After every
/// increase it checks the side's reserve and open interest caps at the execution prices.
contract KeeperHandler is HandlerBase {
    address public immutable keeper;
    uint256 public immutable requestExpiry;
    uint256 public immutable maxFutureSkew;

    uint256 public executed;
    uint256 public cancelled;
    uint256 public windowAttempts;
    uint256 public windowViolations;
    uint256 public increasesChecked;
    uint256 public reserveViolations;

    constructor(Deployment memory d, address keeper_, uint256 maxFutureSkew_) HandlerBase(d) {
        keeper = keeper_;
        requestExpiry = d.exchange.settings().requestExpiry;
        maxFutureSkew = maxFutureSkew_;
        vm.deal(keeper_, 1000 ether);
    }

    // ------------------------------------------------------------------ actions

    /// @dev Executes every pending request that has not expired (deposits, withdrawals, then orders).
    function executePending() external {
        for (uint8 kind; kind < 3; ++kind) {
            uint256[] memory ids = exchange.getPendingRequestIds(kind, 0, 30);
            for (uint256 i; i < ids.length; ++i) {
                uint256 createdAt = _createdAt(kind, ids[i]);
                if (block.timestamp > createdAt + requestExpiry) continue;
                _execute(kind, ids[i]);
            }
        }
    }

    function cancelExpired(uint256 seed) external {
        (bool found, uint8 kind, uint256 id) = _pick(seed);
        if (!found || block.timestamp <= _createdAt(kind, id) + requestExpiry) return;
        vm.prank(keeper);
        if (kind == DEPOSIT_REQUEST) exchange.cancelDeposit(id);
        else if (kind == WITHDRAWAL_REQUEST) exchange.cancelWithdrawal(id);
        else exchange.cancelOrder(id);
        ++cancelled;
    }

    /// @dev mode 0: published a second before creation; 1: a second after expiry; 2: beyond the
    /// allowed future skew; 3: a fresh price for a request that has already expired.
    function executeOutsideWindow(uint256 seed, uint256 modeSeed) external {
        (bool found, uint8 kind, uint256 id) = _pick(seed);
        if (!found) return;
        uint256 createdAt = _createdAt(kind, id);
        uint256 mode = modeSeed % 4;
        uint256 publishTime;
        if (mode == 0) publishTime = createdAt - 1;
        else if (mode == 1) publishTime = createdAt + requestExpiry + 1;
        else if (mode == 2) publishTime = block.timestamp + maxFutureSkew + 1;
        else if (block.timestamp > createdAt + requestExpiry) publishTime = block.timestamp;
        else return;
        bytes[] memory update = prices.update(publishTime);
        ++windowAttempts;
        vm.prank(keeper);
        (bool ok,) = address(exchange).call{value: PYTH_FEE}(_executeCall(kind, id, update));
        if (ok) ++windowViolations;
    }

    // ------------------------------------------------------------------ internals

    function _execute(uint8 kind, uint256 id) internal {
        bytes[] memory update = _update();
        _startRecording();
        vm.prank(keeper);
        (bool ok,) = address(exchange).call{value: PYTH_FEE}(_executeCall(kind, id, update));
        Vm.Log[] memory logs = vm.getRecordedLogs();
        // A request whose body failed is cancelled (RequestCancelled): the body's logs were recorded
        // although its frame reverted, so none of them counts.
        if (!ok || _wasCancelled(logs)) return;
        ghosts.consume(logs);
        ++executed;
        if (kind == ORDER_REQUEST) _checkIncreases(logs);
    }

    function _wasCancelled(Vm.Log[] memory logs) internal view returns (bool) {
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter == address(exchange) && logs[i].topics[0] == IExchangeEvents.RequestCancelled.selector)
            {
                return true;
            }
        }
        return false;
    }

    function _executeCall(uint8 kind, uint256 id, bytes[] memory update) internal view returns (bytes memory) {
        if (kind == DEPOSIT_REQUEST) return abi.encodeCall(exchange.executeDeposit, (id, update));
        if (kind == WITHDRAWAL_REQUEST) return abi.encodeCall(exchange.executeWithdrawal, (id, update));
        return abi.encodeCall(exchange.executeOrder, (id, update));
    }

    /// @dev After an increase: the side's reserved USD within reserveFactor x its pool token's value,
    /// and its open interest within the cap, at the execution prices (same block, same prices).
    function _checkIncreases(Vm.Log[] memory logs) internal {
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter != address(exchange) || logs[i].topics[0] != IExchangeEvents.PositionIncreased.selector)
            {
                continue;
            }
            (,, bool isLong, PositionChange memory change,) =
                abi.decode(logs[i].data, (uint256, address, bool, PositionChange, TradeAmounts));
            if (change.sizeDeltaUsd == 0) continue;
            ++increasesChecked;
            Market memory m = _market();
            MarketPrices memory p = _prices();
            uint256 reserved = isLong ? m.openInterest.longTokens * p.index.max : m.openInterest.shortUsd;
            uint256 poolUsd = isLong ? m.balances.longAmount * p.long.min : m.balances.shortAmount * p.short.min;
            uint256 maxReserved = poolUsd * m.config.risk.reserveFactor / 1e30;
            uint256 openInterest = isLong ? m.openInterest.longUsd : m.openInterest.shortUsd;
            uint256 maxOpenInterest =
                isLong ? m.config.risk.maxOpenInterestLongUsd : m.config.risk.maxOpenInterestShortUsd;
            if (reserved > maxReserved || openInterest > maxOpenInterest) ++reserveViolations;
        }
    }

    function _pick(uint256 seed) internal view returns (bool found, uint8 kind, uint256 id) {
        for (uint8 k; k < 3; ++k) {
            kind = uint8((seed + k) % 3);
            uint256 count = exchange.getPendingRequestCount(kind);
            if (count == 0) continue;
            return (true, kind, exchange.getPendingRequestIds(kind, (seed / 3) % count, 1)[0]);
        }
    }

    function _createdAt(uint8 kind, uint256 id) internal view returns (uint256) {
        if (kind == DEPOSIT_REQUEST) return exchange.getDeposit(id).createdAt;
        if (kind == WITHDRAWAL_REQUEST) return exchange.getWithdrawal(id).createdAt;
        return exchange.getOrder(id).createdAt;
    }
}
