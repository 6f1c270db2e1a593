// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchangeErrors} from "../interfaces/IExchangeErrors.sol";
import {IExchangeEvents} from "../interfaces/IExchangeEvents.sol";
import {IPoolToken} from "../interfaces/IPoolToken.sol";
import {DEPOSIT_REQUEST, ExchangeState, ORDER_REQUEST, WITHDRAWAL_REQUEST} from "../state/ExchangeState.sol";
import {Market} from "../types/MarketTypes.sol";
import {CreateOrderParams, Deposit, Order, OrderType, Withdrawal} from "../types/RequestTypes.sol";
import {EthLogic} from "./EthLogic.sol";
import {MarketLogic} from "./MarketLogic.sol";
import {PositionHealth} from "./PositionHealth.sol";
import {VaultLogic} from "./VaultLogic.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

/// @title RequestLogic
/// @notice Creating and cancelling two-step requests: validation, escrow, refunds.
library RequestLogic {
    using EnumerableSet for EnumerableSet.UintSet;

    // ------------------------------------------------------------------ creation

    function createDeposit(
        ExchangeState storage s,
        address market,
        uint256 longTokenAmount,
        uint256 shortTokenAmount,
        uint256 minShares,
        uint256 executionFee
    ) external returns (uint256 id) {
        Market storage m = MarketLogic.get(s, market);
        if (m.paused) revert IExchangeErrors.MarketPaused(market);
        if (longTokenAmount == 0 && shortTokenAmount == 0) revert IExchangeErrors.EmptyDeposit();
        _validateExecutionFee(s, executionFee);
        VaultLogic.pullEscrow(m, market, m.longToken, msg.sender, longTokenAmount);
        VaultLogic.pullEscrow(m, market, m.shortToken, msg.sender, shortTokenAmount);
        id = ++s.nextRequestId;
        s.deposits[id] = Deposit({
            account: msg.sender,
            createdAt: uint64(block.timestamp),
            market: market,
            longTokenAmount: longTokenAmount,
            shortTokenAmount: shortTokenAmount,
            minShares: minShares,
            executionFee: executionFee
        });
        s.pendingIds[DEPOSIT_REQUEST].add(id);
        emit IExchangeEvents.DepositCreated(
            id, msg.sender, market, longTokenAmount, shortTokenAmount, minShares, executionFee
        );
    }

    function createWithdrawal(
        ExchangeState storage s,
        address market,
        uint256 shares,
        uint256 minLongTokenAmount,
        uint256 minShortTokenAmount,
        uint256 executionFee
    ) external returns (uint256 id) {
        MarketLogic.get(s, market);
        if (shares == 0) revert IExchangeErrors.ZeroShares();
        _validateExecutionFee(s, executionFee);
        IPoolToken(market).moveShares(msg.sender, market, shares);
        id = ++s.nextRequestId;
        s.withdrawals[id] = Withdrawal({
            account: msg.sender,
            createdAt: uint64(block.timestamp),
            market: market,
            shares: shares,
            minLongTokenAmount: minLongTokenAmount,
            minShortTokenAmount: minShortTokenAmount,
            executionFee: executionFee
        });
        s.pendingIds[WITHDRAWAL_REQUEST].add(id);
        emit IExchangeEvents.WithdrawalCreated(
            id, msg.sender, market, shares, minLongTokenAmount, minShortTokenAmount, executionFee
        );
    }

    function createOrder(ExchangeState storage s, CreateOrderParams calldata params, uint256 executionFee)
        external
        returns (uint256 id)
    {
        Market storage m = MarketLogic.get(s, params.market);
        VaultLogic.isLongToken(m, params.market, params.collateralToken);
        _validateOrderShape(params);
        _validateExecutionFee(s, executionFee);
        if (isIncrease(params.orderType)) {
            if (m.paused && params.sizeDeltaUsd > 0) revert IExchangeErrors.MarketPaused(params.market);
            if (params.sizeDeltaUsd == 0 && params.collateralDeltaAmount == 0) revert IExchangeErrors.ZeroSizeDelta();
            // A new position needs collateral: refuse now rather than cancel at execution and lose the fee.
            if (params.collateralDeltaAmount == 0) {
                bytes32 key =
                    PositionHealth.positionKey(msg.sender, params.market, params.collateralToken, params.isLong);
                if (s.positions[key].account == address(0)) revert IExchangeErrors.ZeroCollateral();
            }
            VaultLogic.pullEscrow(m, params.market, params.collateralToken, msg.sender, params.collateralDeltaAmount);
        } else {
            bytes32 key = PositionHealth.positionKey(msg.sender, params.market, params.collateralToken, params.isLong);
            if (s.positions[key].account == address(0)) revert IExchangeErrors.PositionNotFound(key);
            if (params.sizeDeltaUsd == 0 && params.collateralDeltaAmount == 0) revert IExchangeErrors.ZeroSizeDelta();
        }
        id = ++s.nextRequestId;
        s.orders[id] = Order({
            account: msg.sender,
            createdAt: uint64(block.timestamp),
            orderType: params.orderType,
            isLong: params.isLong,
            market: params.market,
            collateralToken: params.collateralToken,
            sizeDeltaUsd: params.sizeDeltaUsd,
            collateralDeltaAmount: params.collateralDeltaAmount,
            triggerPrice: params.triggerPrice,
            acceptablePrice: params.acceptablePrice,
            executionFee: executionFee
        });
        s.pendingIds[ORDER_REQUEST].add(id);
        emit IExchangeEvents.OrderCreated(
            id,
            msg.sender,
            params.market,
            params.orderType,
            params.collateralToken,
            params.isLong,
            params.sizeDeltaUsd,
            params.collateralDeltaAmount,
            params.triggerPrice,
            params.acceptablePrice,
            executionFee
        );
    }

    // ------------------------------------------------------------------ cancellation

    /// @notice Cancels a request at its owner's or anyone's call (see `IExchange.cancelDeposit`): escrow
    /// and execution fee go back to the owner.
    function cancel(ExchangeState storage s, uint8 kind, uint256 id) external {
        (address account, uint256 createdAt, bool expires) = requestTiming(s, kind, id);
        if (msg.sender == account) {
            uint256 cancellableAt = createdAt + s.settings.cancelDelay;
            if (block.timestamp < cancellableAt) revert IExchangeErrors.RequestNotCancellableYet(id, cancellableAt);
        } else {
            if (!expires) revert IExchangeErrors.NotRequestOwner(id, account);
            uint256 expiredAt = createdAt + s.settings.requestExpiry;
            if (block.timestamp <= expiredAt) revert IExchangeErrors.RequestNotCancellableYet(id, expiredAt + 1);
        }
        _refund(s, kind, id, account, "");
    }

    /// @notice Cancels a request whose execution failed on its own conditions: escrow goes back to the
    /// owner, the execution fee to the keeper that did the work.
    function cancelAfterFailure(ExchangeState storage s, uint8 kind, uint256 id, address keeper, bytes memory reason)
        external
    {
        _refund(s, kind, id, keeper, reason);
    }

    /// @notice The owner, creation time, and whether it is a market request that expires.
    function requestTiming(ExchangeState storage s, uint8 kind, uint256 id)
        public
        view
        returns (address account, uint256 createdAt, bool expires)
    {
        if (kind == DEPOSIT_REQUEST) {
            Deposit storage d = s.deposits[id];
            (account, createdAt, expires) = (d.account, d.createdAt, true);
        } else if (kind == WITHDRAWAL_REQUEST) {
            Withdrawal storage w = s.withdrawals[id];
            (account, createdAt, expires) = (w.account, w.createdAt, true);
        } else {
            Order storage o = s.orders[id];
            (account, createdAt, expires) = (o.account, o.createdAt, isMarketOrder(o.orderType));
        }
        if (account == address(0)) revert IExchangeErrors.RequestNotFound(id);
    }

    /// @dev Returns escrow to the owner and the execution fee to `feeReceiver`; deletes the request.
    function _refund(ExchangeState storage s, uint8 kind, uint256 id, address feeReceiver, bytes memory reason)
        private
    {
        address account;
        address market;
        uint256 executionFee;
        if (kind == DEPOSIT_REQUEST) {
            Deposit memory d = s.deposits[id];
            (account, market, executionFee) = (d.account, d.market, d.executionFee);
            Market storage m = s.markets[market];
            VaultLogic.subEscrow(m.balances, true, d.longTokenAmount);
            VaultLogic.subEscrow(m.balances, false, d.shortTokenAmount);
            VaultLogic.sendOut(s, m, market, m.longToken, account, d.longTokenAmount);
            VaultLogic.sendOut(s, m, market, m.shortToken, account, d.shortTokenAmount);
            delete s.deposits[id];
        } else if (kind == WITHDRAWAL_REQUEST) {
            Withdrawal memory w = s.withdrawals[id];
            (account, market, executionFee) = (w.account, w.market, w.executionFee);
            IPoolToken(market).moveShares(market, account, w.shares);
            delete s.withdrawals[id];
        } else {
            Order memory o = s.orders[id];
            (account, market, executionFee) = (o.account, o.market, o.executionFee);
            if (isIncrease(o.orderType) && o.collateralDeltaAmount > 0) {
                Market storage m = s.markets[market];
                bool longToken = o.collateralToken == m.longToken;
                VaultLogic.subEscrow(m.balances, longToken, o.collateralDeltaAmount);
                VaultLogic.sendOut(s, m, market, o.collateralToken, account, o.collateralDeltaAmount);
            }
            delete s.orders[id];
        }
        s.pendingIds[kind].remove(id);
        EthLogic.send(s, feeReceiver, executionFee);
        emit IExchangeEvents.RequestCancelled(id, account, market, msg.sender, reason);
        MarketLogic.emitPoolState(s.markets[market], market);
    }

    // ------------------------------------------------------------------ helpers

    function isIncrease(OrderType orderType) internal pure returns (bool) {
        return orderType == OrderType.MarketIncrease || orderType == OrderType.LimitIncrease;
    }

    function isMarketOrder(OrderType orderType) internal pure returns (bool) {
        return orderType == OrderType.MarketIncrease || orderType == OrderType.MarketDecrease;
    }

    function _validateExecutionFee(ExchangeState storage s, uint256 executionFee) private view {
        if (executionFee < s.settings.minExecutionFee) {
            revert IExchangeErrors.InsufficientExecutionFee(executionFee, s.settings.minExecutionFee);
        }
    }

    /// @dev Market orders carry no trigger; trigger orders need one; a maximum acceptable price (long
    /// increases, short decreases) must be set.
    function _validateOrderShape(CreateOrderParams calldata params) private pure {
        bool marketOrder = isMarketOrder(params.orderType);
        bool needsMaxPrice = isIncrease(params.orderType) == params.isLong;
        if (
            (marketOrder && params.triggerPrice != 0) || (!marketOrder && params.triggerPrice == 0)
                || (needsMaxPrice && params.acceptablePrice == 0)
        ) revert IExchangeErrors.InvalidOrder(uint8(params.orderType), params.triggerPrice, params.acceptablePrice);
    }
}
