// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;
import {Test} from "forge-std/Test.sol";
import {Probe} from "../src/Probe.sol";
import {MockPyth} from "@pythnetwork/pyth-sdk-solidity/MockPyth.sol";
contract ProbeTest is Test { function test_f() public { Probe p = new Probe(); new MockPyth(60, 1); assertEq(p.f(2), 3); } }
