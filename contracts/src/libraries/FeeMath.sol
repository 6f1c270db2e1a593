// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {FixedPoint} from "./FixedPoint.sol";

/// @title FeeMath
/// @notice Position, liquidity, liquidation and insurance fees. Fees round up; shares paid out of a
/// fee (to the insurance fund) round down.
library FeeMath {
    using FixedPoint for uint256;

    /// @notice Open/close fee: size delta x the fee factor for the trade's impact direction.
    function positionFeeUsd(uint256 sizeDeltaUsd, int256 priceImpactUsd, uint256 factorPositive, uint256 factorNegative)
        internal
        pure
        returns (uint256)
    {
        return sizeDeltaUsd.mulUp(priceImpactUsd > 0 ? factorPositive : factorNegative);
    }

    /// @notice A fee of `factor` on `usd`, rounded up.
    function feeUsd(uint256 usd, uint256 factor) internal pure returns (uint256) {
        return usd.mulUp(factor);
    }

    /// @notice The part of a fee that goes to the insurance fund, rounded down.
    function insuranceShareOf(uint256 amount, uint256 insuranceShareFactor) internal pure returns (uint256) {
        return amount.mulDown(insuranceShareFactor);
    }
}
