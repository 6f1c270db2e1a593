// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IPyth} from "@pythnetwork/pyth-sdk-solidity/IPyth.sol";
contract Probe { function f(uint a) external pure returns (uint) { return Math.mulDiv(a, 3, 2); } }
