// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchangeEvents} from "../../../src/interfaces/IExchangeEvents.sol";
import {DecreaseKind, PositionChange, TradeAmounts} from "../../../src/types/PositionTypes.sol";
import {Vm} from "forge-std/Vm.sol";

/// @notice Ghost variables of the invariant suite, accumulated from the exchange's events by every
/// handler after every action: what should be true is then compared with the contract's own state.
contract Ghosts {
    address public immutable exchange;
    address public immutable longToken;

    // --- bad debt (ShortfallRecorded) ---
    uint256 public shortfallUsd;
    uint256 public coveredUsd;
    uint256 public absorbedUsd;
    uint256 public shortfallCount;
    // --- the insurance fund: inflows (FeesCollected) and outflows (ShortfallRecorded), per token ---
    uint256 public insuranceInLong;
    uint256 public insuranceInShort;
    uint256 public insuranceOutLong;
    uint256 public insuranceOutShort;
    // --- fees ---
    uint256 public positionFeesUsd;
    uint256 public borrowingFeesUsd;
    uint256 public liquidationFeesLong;
    uint256 public liquidationFeesShort;
    uint256 public toLiquidatorLong;
    uint256 public toLiquidatorShort;
    // --- LP flows (executed deposits and withdrawals) ---
    uint256 public depositedLong;
    uint256 public depositedShort;
    uint256 public withdrawnLong;
    uint256 public withdrawnShort;
    // --- collateral in (increases) and out (decreases) ---
    uint256 public collateralInLong;
    uint256 public collateralInShort;
    uint256 public collateralOutLong;
    uint256 public collateralOutShort;
    // --- counts ---
    uint256 public increases;
    uint256 public decreases;
    uint256 public liquidations;
    uint256 public partialLiquidations;
    uint256 public adls;

    constructor(address exchange_, address longToken_) {
        exchange = exchange_;
        longToken = longToken_;
    }

    function consume(Vm.Log[] calldata logs) external {
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter != exchange || logs[i].topics.length == 0) continue;
            _consume(logs[i]);
        }
    }

    function _consume(Vm.Log calldata log) private {
        bytes32 sig = log.topics[0];
        if (sig == IExchangeEvents.ShortfallRecorded.selector) {
            (, uint256 shortfall, uint256 covered, uint256 absorbed, uint256 fromLong, uint256 fromShort) =
                abi.decode(log.data, (uint256, uint256, uint256, uint256, uint256, uint256));
            shortfallUsd += shortfall;
            coveredUsd += covered;
            absorbedUsd += absorbed;
            ++shortfallCount;
            insuranceOutLong += fromLong;
            insuranceOutShort += fromShort;
        } else if (sig == IExchangeEvents.FeesCollected.selector) {
            bool isLongToken = address(uint160(uint256(log.topics[2]))) == longToken;
            (
                uint256 positionFee,
                uint256 borrowingFee,
                uint256 liquidationFee,
                uint256 toInsurance,
                uint256 toLiquidator
            ) = abi.decode(log.data, (uint256, uint256, uint256, uint256, uint256));
            positionFeesUsd += positionFee;
            borrowingFeesUsd += borrowingFee;
            if (isLongToken) {
                liquidationFeesLong += liquidationFee;
                insuranceInLong += toInsurance;
                toLiquidatorLong += toLiquidator;
            } else {
                liquidationFeesShort += liquidationFee;
                insuranceInShort += toInsurance;
                toLiquidatorShort += toLiquidator;
            }
        } else if (sig == IExchangeEvents.DepositExecuted.selector) {
            (uint256 longAmount, uint256 shortAmount,,,,) =
                abi.decode(log.data, (uint256, uint256, uint256, uint256, int256, uint256));
            depositedLong += longAmount;
            depositedShort += shortAmount;
        } else if (sig == IExchangeEvents.WithdrawalExecuted.selector) {
            (, uint256 longOut, uint256 shortOut,,,) =
                abi.decode(log.data, (uint256, uint256, uint256, uint256, int256, uint256));
            withdrawnLong += longOut;
            withdrawnShort += shortOut;
        } else if (sig == IExchangeEvents.PositionIncreased.selector) {
            (, address collateralToken,, PositionChange memory change,) =
                abi.decode(log.data, (uint256, address, bool, PositionChange, TradeAmounts));
            ++increases;
            if (collateralToken == longToken) collateralInLong += change.collateralDeltaAmount;
            else collateralInShort += change.collateralDeltaAmount;
        } else if (sig == IExchangeEvents.PositionDecreased.selector) {
            (, DecreaseKind kind, address collateralToken,, PositionChange memory change,,,) = abi.decode(
                log.data, (uint256, DecreaseKind, address, bool, PositionChange, TradeAmounts, uint256, uint256)
            );
            ++decreases;
            if (kind == DecreaseKind.Adl) ++adls;
            if (collateralToken == longToken) collateralOutLong += change.collateralDeltaAmount;
            else collateralOutShort += change.collateralDeltaAmount;
        } else if (sig == IExchangeEvents.PositionLiquidated.selector) {
            (, bool isPartial,,,,) = abi.decode(log.data, (address, bool, uint256, uint256, int256, uint256));
            ++liquidations;
            if (isPartial) ++partialLiquidations;
        }
    }
}
