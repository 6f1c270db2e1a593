// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @title FixedPoint
/// @notice 30-decimal fixed point used for USD values, prices and factors. The rounding direction is
/// in every name; callers pick the direction that favours the pool.
library FixedPoint {
    /// @dev 1.0: one USD, or a factor of 100%.
    uint256 internal constant ONE = 1e30;

    /// @dev a * factor / 1e30, rounded down.
    function mulDown(uint256 a, uint256 factor) internal pure returns (uint256) {
        return Math.mulDiv(a, factor, ONE);
    }

    /// @dev a * factor / 1e30, rounded up.
    function mulUp(uint256 a, uint256 factor) internal pure returns (uint256) {
        return Math.mulDiv(a, factor, ONE, Math.Rounding.Ceil);
    }

    /// @dev a * b / d, rounded down.
    function mulDivDown(uint256 a, uint256 b, uint256 d) internal pure returns (uint256) {
        return Math.mulDiv(a, b, d);
    }

    /// @dev a * b / d, rounded up.
    function mulDivUp(uint256 a, uint256 b, uint256 d) internal pure returns (uint256) {
        return Math.mulDiv(a, b, d, Math.Rounding.Ceil);
    }

    /// @dev a / b, rounded up.
    function divUp(uint256 a, uint256 b) internal pure returns (uint256) {
        return Math.ceilDiv(a, b);
    }

    /// @dev |a| for a signed value.
    function abs(int256 a) internal pure returns (uint256) {
        return SignedMathAbs.abs(a);
    }

    /// @dev Checked uint -> int conversion.
    function toInt(uint256 a) internal pure returns (int256) {
        return SafeCast.toInt256(a);
    }

    /// @dev max(a, 0) as uint.
    function positivePart(int256 a) internal pure returns (uint256) {
        return a > 0 ? uint256(a) : 0;
    }

    /// @dev max(-a, 0) as uint.
    function negativePart(int256 a) internal pure returns (uint256) {
        return a < 0 ? abs(a) : 0;
    }
}

/// @dev Absolute value without overflow at type(int256).min.
library SignedMathAbs {
    function abs(int256 a) internal pure returns (uint256) {
        unchecked {
            return a >= 0 ? uint256(a) : uint256(-(a + 1)) + 1;
        }
    }
}
