// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchangeErrors} from "../interfaces/IExchangeErrors.sol";
import {IExchangeEvents} from "../interfaces/IExchangeEvents.sol";
import {IPoolToken} from "../interfaces/IPoolToken.sol";
import {ExchangeState} from "../state/ExchangeState.sol";
import {Market, PoolBalances} from "../types/MarketTypes.sol";
import {MarketPrices, PriceRange} from "../types/Price.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

/// @title VaultLogic
/// @notice Who owns what inside a market's vault (LPs, insurance fund, collateral, escrow, claims),
/// and the transfers in and out of it. Moving tokens between owners is bookkeeping only: they stay in
/// the market's own vault.
library VaultLogic {
    using SafeERC20 for IERC20;

    /// @notice Whether `token` is the market's long token; reverts unless it is one of its pool tokens.
    function isLongToken(Market storage m, address market, address token) internal view returns (bool) {
        if (token == m.longToken) return true;
        if (token == m.shortToken) return false;
        revert IExchangeErrors.InvalidCollateralToken(market, token);
    }

    /// @notice The price range of one of the market's pool tokens.
    function tokenPrice(MarketPrices memory prices, bool longToken) internal pure returns (PriceRange memory) {
        return longToken ? prices.long : prices.short;
    }

    function addPool(PoolBalances storage b, bool longToken, uint256 amount) internal {
        if (longToken) b.longAmount += amount;
        else b.shortAmount += amount;
    }

    /// @dev Reverts with `InsufficientPoolLiquidity` when LPs do not own `amount`.
    function subPool(Market storage m, bool longToken, uint256 amount) internal {
        PoolBalances storage b = m.balances;
        uint256 available = longToken ? b.longAmount : b.shortAmount;
        if (amount > available) {
            revert IExchangeErrors.InsufficientPoolLiquidity(longToken ? m.longToken : m.shortToken, amount, available);
        }
        if (longToken) b.longAmount = available - amount;
        else b.shortAmount = available - amount;
    }

    function addCollateral(PoolBalances storage b, bool longToken, uint256 amount) internal {
        if (longToken) b.collateralLongTokenAmount += amount;
        else b.collateralShortTokenAmount += amount;
    }

    function subCollateral(PoolBalances storage b, bool longToken, uint256 amount) internal {
        if (longToken) b.collateralLongTokenAmount -= amount;
        else b.collateralShortTokenAmount -= amount;
    }

    function addEscrow(PoolBalances storage b, bool longToken, uint256 amount) internal {
        if (longToken) b.escrowLongTokenAmount += amount;
        else b.escrowShortTokenAmount += amount;
    }

    function subEscrow(PoolBalances storage b, bool longToken, uint256 amount) internal {
        if (longToken) b.escrowLongTokenAmount -= amount;
        else b.escrowShortTokenAmount -= amount;
    }

    function addInsurance(PoolBalances storage b, bool longToken, uint256 amount) internal {
        if (longToken) b.insuranceLongAmount += amount;
        else b.insuranceShortAmount += amount;
    }

    /// @notice Moves up to `amount` of a pool token from LPs to the insurance fund, never more than LPs
    /// own of it (a fee share must not make an execution fail); returns what moved.
    function poolToInsurance(Market storage m, bool longToken, uint256 amount) internal returns (uint256 moved) {
        PoolBalances storage b = m.balances;
        uint256 available = longToken ? b.longAmount : b.shortAmount;
        moved = amount < available ? amount : available;
        if (longToken) {
            b.longAmount = available - moved;
            b.insuranceLongAmount += moved;
        } else {
            b.shortAmount = available - moved;
            b.insuranceShortAmount += moved;
        }
    }

    /// @notice Whether the insurance fund is below its target at min prices (fee shares go to it only then).
    function insuranceBelowTarget(Market storage m, MarketPrices memory prices) internal view returns (bool) {
        uint256 fundUsd =
            m.balances.insuranceLongAmount * prices.long.min + m.balances.insuranceShortAmount * prices.short.min;
        return fundUsd < m.config.safety.insuranceTargetUsd;
    }

    /// @notice Pulls `amount` of `token` from `from` into the market's vault as escrow; rejects tokens
    /// that deliver less than asked (fee-on-transfer).
    function pullEscrow(Market storage m, address market, address token, address from, uint256 amount) internal {
        if (amount == 0) return;
        bool longToken = isLongToken(m, market, token);
        uint256 balanceBefore = IERC20(token).balanceOf(market);
        IERC20(token).safeTransferFrom(from, market, amount);
        uint256 received = IERC20(token).balanceOf(market) - balanceBefore;
        if (received != amount) revert IExchangeErrors.TokenTransferMismatch(token, amount, received);
        addEscrow(m.balances, longToken, amount);
    }

    /// @notice Sends `amount` of `token` out of the market's vault to `to`. When the token refuses
    /// (e.g. a blacklisted receiver), the amount becomes a claim instead: nothing is lost, and the
    /// execution that triggered the payment does not fail.
    function sendOut(
        ExchangeState storage s,
        Market storage m,
        address market,
        address token,
        address to,
        uint256 amount
    ) internal {
        if (amount == 0) return;
        if (IPoolToken(market).transferOut(token, to, amount)) return;
        s.claimableFunds[market][token][to] += amount;
        if (token == m.longToken) m.balances.claimableLongTokenAmount += amount;
        else m.balances.claimableShortTokenAmount += amount;
        emit IExchangeEvents.TransferFailed(market, token, to, amount);
    }
}
