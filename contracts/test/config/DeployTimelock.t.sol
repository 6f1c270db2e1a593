// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Deploy} from "../../script/Deploy.s.sol";
import {Exchange} from "../../src/core/Exchange.sol";
import {PythOracle} from "../../src/core/PythOracle.sol";
import {ExchangeSettings} from "../../src/types/MarketTypes.sol";
import {DeployCaller} from "../utils/DeployCaller.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {Test} from "forge-std/Test.sol";

/// @notice Runs the real deploy script and checks its governance: configuration changes go through the
/// TimelockController and wait its delay, and the deployer keeps no admin or configuration role.
/// @dev The script writes its addresses to contracts/deployments/<chainId>.json; each test uses its own
/// chain id (no race between parallel tests) and deletes the file right after.
contract DeployTimelockTest is Test {
    uint256 internal constant DELAY = 1 days;

    Exchange internal exchange;
    PythOracle internal oracle;
    TimelockController internal timelock;
    address internal deployer = DEFAULT_SENDER;

    function _deploy(uint256 chainId) internal {
        vm.chainId(chainId);
        vm.setEnv("TIMELOCK_DELAY", vm.toString(DELAY));
        Deploy script = new Deploy();
        // The script's deployer is its caller, which must also be the broadcasting account (tx.origin).
        vm.etch(deployer, address(new DeployCaller()).code);
        Deploy.Deployment memory d = DeployCaller(deployer).run(script);
        vm.removeFile(string.concat(vm.projectRoot(), "/contracts/deployments/", vm.toString(chainId), ".json"));
        exchange = Exchange(payable(d.exchange));
        oracle = PythOracle(d.oracle);
        timelock = TimelockController(payable(d.timelock));
    }

    /// @dev TimelockController's bitmap of expected operation states (as its errors report them).
    function _stateBit(TimelockController.OperationState state) internal pure returns (bytes32) {
        return bytes32(uint256(1) << uint8(state));
    }

    function _newSettings() internal view returns (ExchangeSettings memory s) {
        s = exchange.settings();
        s.cancelDelay = 45;
    }

    function test_deployer_keepsNoAdminOrConfigRole() public {
        _deploy(4_100_001);
        bytes32[3] memory exchangeRoles =
            [exchange.DEFAULT_ADMIN_ROLE(), exchange.CONFIG_ROLE(), exchange.MARKET_ADMIN_ROLE()];
        for (uint256 i; i < exchangeRoles.length; ++i) {
            assertFalse(exchange.hasRole(exchangeRoles[i], deployer), "deployer holds no exchange admin role");
            assertTrue(exchange.hasRole(exchangeRoles[i], address(timelock)), "the timelock does");
        }
        assertFalse(oracle.hasRole(oracle.DEFAULT_ADMIN_ROLE(), deployer));
        assertFalse(oracle.hasRole(oracle.CONFIG_ROLE(), deployer));
        assertTrue(oracle.hasRole(oracle.DEFAULT_ADMIN_ROLE(), address(timelock)));
        assertTrue(oracle.hasRole(oracle.CONFIG_ROLE(), address(timelock)));
        assertTrue(oracle.hasRole(oracle.VERIFIER_ROLE(), address(exchange)), "only the exchange verifies");
        // The deployer keeps the pauser role (an emergency brake, not a configuration power).
        assertTrue(exchange.hasRole(exchange.PAUSER_ROLE(), deployer));
        assertEq(timelock.getMinDelay(), DELAY);
        assertFalse(timelock.hasRole(timelock.DEFAULT_ADMIN_ROLE(), deployer), "the timelock administers itself");
    }

    function test_RevertWhen_deployerChangesConfigDirectly() public {
        _deploy(4_100_002);
        ExchangeSettings memory s = _newSettings();
        bytes32 role = exchange.CONFIG_ROLE();
        vm.prank(deployer);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, deployer, role)
        );
        exchange.setSettings(s);

        bytes32 oracleConfig = oracle.CONFIG_ROLE();
        vm.prank(deployer);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, deployer, oracleConfig)
        );
        oracle.setFeed(address(1), bytes32(uint256(1)), -8, 18);
    }

    function test_configChange_goesThroughTimelockDelay() public {
        _deploy(4_100_003);
        bytes memory data = abi.encodeCall(exchange.setSettings, (_newSettings()));
        bytes32 id = timelock.hashOperation(address(exchange), 0, data, bytes32(0), bytes32(0));

        vm.prank(deployer);
        vm.expectRevert(abi.encodeWithSelector(TimelockController.TimelockInsufficientDelay.selector, DELAY - 1, DELAY));
        timelock.schedule(address(exchange), 0, data, bytes32(0), bytes32(0), DELAY - 1);

        vm.prank(deployer);
        timelock.schedule(address(exchange), 0, data, bytes32(0), bytes32(0), DELAY);
        uint256 readyAt = block.timestamp + DELAY;

        vm.warp(readyAt - 1);
        vm.prank(deployer);
        vm.expectRevert(
            abi.encodeWithSelector(
                TimelockController.TimelockUnexpectedOperationState.selector,
                id,
                _stateBit(TimelockController.OperationState.Ready)
            )
        );
        timelock.execute(address(exchange), 0, data, bytes32(0), bytes32(0));
        assertEq(exchange.settings().cancelDelay, 30, "unchanged before the delay");

        vm.warp(readyAt);
        vm.prank(deployer);
        timelock.execute(address(exchange), 0, data, bytes32(0), bytes32(0));
        assertEq(exchange.settings().cancelDelay, 45, "applied after the delay");
        assertTrue(timelock.isOperationDone(id));
    }

    function test_RevertWhen_strangerSchedulesOnTimelock() public {
        _deploy(4_100_004);
        address stranger = makeAddr("stranger");
        bytes memory data = abi.encodeCall(exchange.setSettings, (_newSettings()));
        bytes32 proposer = timelock.PROPOSER_ROLE();
        vm.prank(stranger);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, proposer)
        );
        timelock.schedule(address(exchange), 0, data, bytes32(0), bytes32(0), DELAY);
    }
}
