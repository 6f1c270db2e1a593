// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Deploy} from "../../script/Deploy.s.sol";

/// @notice Calls the deploy script's `run`. Its code is etched at the test's sender address so that
/// the script's caller (its `deployer`) is also the account `vm.startBroadcast()` broadcasts from, as
/// under `forge script`; a prank cannot do this (pranks and broadcasts do not mix).
contract DeployCaller {
    function run(Deploy script) external returns (Deploy.Deployment memory) {
        return script.run();
    }
}
