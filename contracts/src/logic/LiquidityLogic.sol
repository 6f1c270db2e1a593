// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchangeErrors} from "../interfaces/IExchangeErrors.sol";
import {IExchangeEvents} from "../interfaces/IExchangeEvents.sol";
import {IPoolToken} from "../interfaces/IPoolToken.sol";
import {FeeMath} from "../libraries/FeeMath.sol";
import {PoolMath} from "../libraries/PoolMath.sol";
import {DEPOSIT_REQUEST, ExchangeState, WITHDRAWAL_REQUEST} from "../state/ExchangeState.sol";
import {Market} from "../types/MarketTypes.sol";
import {MarketPrices} from "../types/Price.sol";
import {Deposit, Withdrawal} from "../types/RequestTypes.sol";
import {MarketLogic} from "./MarketLogic.sol";
import {VaultLogic} from "./VaultLogic.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

/// @title LiquidityLogic
/// @notice Executes LP deposits and withdrawals. Deposits value the pool high (max token prices,
/// traders' PnL at its lowest and capped) and withdrawals value it low (min prices, PnL uncapped), so
/// each side of the pool is protected from the other; shares round down.
library LiquidityLogic {
    using EnumerableSet for EnumerableSet.UintSet;

    function executeDeposit(ExchangeState storage s, uint256 id, MarketPrices memory prices) external {
        Deposit memory d = s.deposits[id];
        Market storage m = MarketLogic.get(s, d.market);
        if (m.paused) revert IExchangeErrors.MarketPaused(d.market);
        MarketLogic.accrue(m, prices);

        uint256 depositUsd = d.longTokenAmount * prices.long.min + d.shortTokenAmount * prices.short.min;
        uint256 feeUsd = FeeMath.feeUsd(depositUsd, m.config.fees.liquidityFeeFactor);
        int256 poolValue = MarketLogic.poolValueUsd(m, m.rates, prices, true, true);
        uint256 supply = IPoolToken(d.market).totalSupply();
        if (poolValue <= 0 && supply > 0) revert IExchangeErrors.PoolValueNotPositive(d.market, poolValue);
        uint256 shares = PoolMath.sharesForDepositUsd(depositUsd - feeUsd, poolValue, supply);
        if (shares == 0) revert IExchangeErrors.ZeroShares();
        if (shares < d.minShares) revert IExchangeErrors.MinSharesNotMet(shares, d.minShares);

        VaultLogic.subEscrow(m.balances, true, d.longTokenAmount);
        VaultLogic.subEscrow(m.balances, false, d.shortTokenAmount);
        m.balances.longAmount += d.longTokenAmount;
        m.balances.shortAmount += d.shortTokenAmount;
        delete s.deposits[id];
        s.pendingIds[DEPOSIT_REQUEST].remove(id);
        IPoolToken(d.market).mint(d.account, shares);

        emit IExchangeEvents.DepositExecuted(
            id, d.account, d.market, d.longTokenAmount, d.shortTokenAmount, shares, feeUsd, poolValue, supply
        );
        MarketLogic.emitPoolState(m, d.market);
    }

    function executeWithdrawal(ExchangeState storage s, uint256 id, MarketPrices memory prices) external {
        Withdrawal memory w = s.withdrawals[id];
        Market storage m = MarketLogic.get(s, w.market);
        MarketLogic.accrue(m, prices);
        _validatePnlForWithdrawal(m, prices, true);
        _validatePnlForWithdrawal(m, prices, false);

        int256 poolValue = MarketLogic.poolValueUsd(m, m.rates, prices, false, false);
        uint256 supply = IPoolToken(w.market).totalSupply();
        uint256 grossUsd = PoolMath.usdForShares(w.shares, poolValue, supply);
        uint256 feeUsd = FeeMath.feeUsd(grossUsd, m.config.fees.liquidityFeeFactor);
        (uint256 longUsd, uint256 shortUsd) = PoolMath.splitWithdrawalUsd(
            grossUsd - feeUsd, m.balances.longAmount * prices.long.max, m.balances.shortAmount * prices.short.max
        );
        uint256 longOut = longUsd / prices.long.max;
        uint256 shortOut = shortUsd / prices.short.max;
        if (longOut < w.minLongTokenAmount || shortOut < w.minShortTokenAmount) {
            revert IExchangeErrors.MinTokensNotMet(longOut, w.minLongTokenAmount, shortOut, w.minShortTokenAmount);
        }
        VaultLogic.subPool(m, true, longOut);
        VaultLogic.subPool(m, false, shortOut);
        MarketLogic.validateReserve(m, prices, true);
        MarketLogic.validateReserve(m, prices, false);

        delete s.withdrawals[id];
        s.pendingIds[WITHDRAWAL_REQUEST].remove(id);
        IPoolToken(w.market).burn(w.market, w.shares);
        VaultLogic.sendOut(s, m, w.market, m.longToken, w.account, longOut);
        VaultLogic.sendOut(s, m, w.market, m.shortToken, w.account, shortOut);

        emit IExchangeEvents.WithdrawalExecuted(
            id, w.account, w.market, w.shares, longOut, shortOut, feeUsd, poolValue, supply
        );
        MarketLogic.emitPoolState(m, w.market);
    }

    /// @dev LPs may not exit while traders hold a side's PnL beyond the withdrawal cap (ADL first).
    function _validatePnlForWithdrawal(Market storage m, MarketPrices memory prices, bool isLong) private view {
        uint256 factor = MarketLogic.pnlToPoolFactor(m, prices, isLong);
        uint256 maxFactor = m.config.risk.maxPnlFactorForWithdrawals;
        if (factor > maxFactor) revert IExchangeErrors.PnlFactorExceededForWithdrawals(isLong, factor, maxFactor);
    }
}
