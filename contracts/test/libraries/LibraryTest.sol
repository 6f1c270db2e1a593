// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MathHarness} from "../../src/harness/MathHarness.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Test} from "forge-std/Test.sol";

/// @notice Shared units and the harness the library suites call when they need an external call
/// (expected reverts run one call depth below the test).
abstract contract LibraryTest is Test {
    /// @dev 1.0 with 30 decimals: one USD or a factor of 100%.
    uint256 internal constant ONE = 1e30;
    uint256 internal constant USD = 1e30;
    /// @dev 1% with 30 decimals.
    uint256 internal constant PCT = 1e28;
    /// @dev Largest realistic USD amount: $1e12.
    uint256 internal constant MAX_USD = 1e12 * USD;

    /// @dev Prices per smallest unit (30 decimals): ETH (18 decimals) at $3,000, BTC (8) at $65,000,
    /// USDC (6) at $1.
    uint256 internal constant ETH_PRICE = 3000 * USD / 1e18;
    uint256 internal constant BTC_PRICE = 65_000 * USD / 1e8;
    uint256 internal constant USDC_PRICE = USD / 1e6;

    MathHarness internal h;

    function setUp() public virtual {
        h = new MathHarness();
    }

    /// @dev a x b <= c x d, exact (512-bit products).
    function _mulLe(uint256 a, uint256 b, uint256 c, uint256 d) internal pure returns (bool) {
        (uint256 highAb, uint256 lowAb) = Math.mul512(a, b);
        (uint256 highCd, uint256 lowCd) = Math.mul512(c, d);
        return highAb < highCd || (highAb == highCd && lowAb <= lowCd);
    }
}
