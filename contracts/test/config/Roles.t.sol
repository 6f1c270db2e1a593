// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MarketDefaults} from "../../script/MarketDefaults.sol";
import {IExchangeErrors} from "../../src/interfaces/IExchangeErrors.sol";
import {IPoolToken} from "../../src/interfaces/IPoolToken.sol";
import {IPriceOracle} from "../../src/interfaces/IPriceOracle.sol";
import {ExchangeSettings, MarketConfig} from "../../src/types/MarketTypes.sol";
import {MarketPrices} from "../../src/types/Price.sol";
import {ExchangeFixture} from "../utils/ExchangeFixture.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

/// @notice Every privileged function refuses a caller without its role, with the exact error.
contract RolesTest is ExchangeFixture {
    address internal stranger = makeAddr("stranger");

    struct Call {
        address target;
        bytes data;
        bytes expectedError;
    }

    function _unauthorized(bytes32 role) internal view returns (bytes memory) {
        return abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, role);
    }

    function _calls() internal view returns (Call[] memory c) {
        MarketConfig memory config = MarketDefaults.marketConfig();
        ExchangeSettings memory settings = MarketDefaults.exchangeSettings();
        MarketPrices memory prices = ethMarketPrices();
        bytes[] memory update = new bytes[](0);
        address x = address(exchange);
        address o = address(oracle);
        c = new Call[](22);
        c[0] = Call(
            x,
            abi.encodeCall(exchange.createMarket, (address(wbtc), address(wbtc), address(usdc), config, PCT, "X", "X")),
            _unauthorized(exchange.MARKET_ADMIN_ROLE())
        );
        c[1] = Call(
            x, abi.encodeCall(exchange.setMarketConfig, (ethMarket, config)), _unauthorized(exchange.CONFIG_ROLE())
        );
        c[2] = Call(x, abi.encodeCall(exchange.setSettings, (settings)), _unauthorized(exchange.CONFIG_ROLE()));
        c[3] = Call(
            x,
            abi.encodeCall(exchange.setMaintenanceMarginFactor, (ethMarket, PCT)),
            _unauthorized(exchange.RISK_KEEPER_ROLE())
        );
        c[4] =
            Call(x, abi.encodeCall(exchange.setMarketPaused, (ethMarket, true)), _unauthorized(exchange.PAUSER_ROLE()));
        c[5] =
            Call(x, abi.encodeCall(exchange.executeDeposit, (1, update)), _unauthorized(exchange.ORDER_KEEPER_ROLE()));
        c[6] = Call(
            x, abi.encodeCall(exchange.executeWithdrawal, (1, update)), _unauthorized(exchange.ORDER_KEEPER_ROLE())
        );
        c[7] = Call(x, abi.encodeCall(exchange.executeOrder, (1, update)), _unauthorized(exchange.ORDER_KEEPER_ROLE()));
        c[8] = Call(
            x, abi.encodeCall(exchange.executeAdl, (bytes32(0), 1, update)), _unauthorized(exchange.ADL_KEEPER_ROLE())
        );
        c[9] = Call(
            x,
            abi.encodeCall(exchange.grantRole, (exchange.CONFIG_ROLE(), stranger)),
            _unauthorized(exchange.DEFAULT_ADMIN_ROLE())
        );
        bytes memory onlySelf = abi.encodeWithSelector(IExchangeErrors.OnlySelf.selector);
        c[10] = Call(x, abi.encodeCall(exchange.processDeposit, (1, prices)), onlySelf);
        c[11] = Call(x, abi.encodeCall(exchange.processWithdrawal, (1, prices)), onlySelf);
        c[12] = Call(x, abi.encodeCall(exchange.processOrder, (1, prices)), onlySelf);
        c[13] = Call(
            o,
            abi.encodeCall(oracle.setFeed, (address(wbtc), bytes32(uint256(1)), -8, 8)),
            _unauthorized(oracle.CONFIG_ROLE())
        );
        c[14] = Call(
            o,
            abi.encodeCall(oracle.setSettings, (MarketDefaults.oracleSettings())),
            _unauthorized(oracle.CONFIG_ROLE())
        );
        c[15] = Call(
            o,
            abi.encodeCall(
                oracle.verifyMarketPrices, (address(weth), address(weth), address(usdc), update, 0, 1, false)
            ),
            _unauthorized(oracle.VERIFIER_ROLE())
        );
        c[16] = Call(
            o,
            abi.encodeCall(oracle.grantRole, (oracle.VERIFIER_ROLE(), stranger)),
            _unauthorized(oracle.DEFAULT_ADMIN_ROLE())
        );
        bytes memory onlyExchange = abi.encodeWithSelector(IPoolToken.OnlyExchange.selector, stranger);
        c[17] = Call(ethMarket, abi.encodeCall(IPoolToken.mint, (stranger, 1)), onlyExchange);
        c[18] = Call(ethMarket, abi.encodeCall(IPoolToken.burn, (lp, 1)), onlyExchange);
        c[19] = Call(ethMarket, abi.encodeCall(IPoolToken.moveShares, (lp, stranger, 1)), onlyExchange);
        c[20] = Call(ethMarket, abi.encodeCall(IPoolToken.transferOut, (address(usdc), stranger, 1)), onlyExchange);
        c[21] = Call(
            x,
            abi.encodeCall(exchange.revokeRole, (exchange.ORDER_KEEPER_ROLE(), keeper)),
            _unauthorized(exchange.DEFAULT_ADMIN_ROLE())
        );
    }

    function test_RevertWhen_privilegedFunctionCalledWithoutRole() public {
        Call[] memory c = _calls();
        for (uint256 i; i < c.length; ++i) {
            vm.prank(stranger);
            (bool ok, bytes memory ret) = c[i].target.call(c[i].data);
            assertFalse(ok, string.concat("call ", vm.toString(i), " must revert"));
            assertEq(ret, c[i].expectedError, string.concat("call ", vm.toString(i), " error"));
        }
    }

    function test_roleHolders_canCallTheirFunctions() public {
        address pauser = makeAddr("pauser");
        exchange.grantRole(exchange.PAUSER_ROLE(), pauser);
        vm.prank(pauser);
        exchange.setMarketPaused(ethMarket, true);
        assertTrue(exchange.getMarket(ethMarket).paused);

        address riskKeeper = makeAddr("risk keeper");
        exchange.grantRole(exchange.RISK_KEEPER_ROLE(), riskKeeper);
        vm.prank(riskKeeper);
        exchange.setMaintenanceMarginFactor(ethMarket, 110 * PCT / 100);
        assertEq(exchange.getMarket(ethMarket).maintenanceMarginFactor, 110 * PCT / 100);
    }

    function test_revokedKeeper_isRefused() public {
        exchange.revokeRole(exchange.ORDER_KEEPER_ROLE(), keeper);
        bytes[] memory update = priceUpdateNow();
        bytes32 role = exchange.ORDER_KEEPER_ROLE();
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, keeper, role));
        exchange.executeDeposit{value: 3}(1, update);
    }

    function test_RevertWhen_oracleVerifiedByOtherThanExchange() public {
        assertTrue(oracle.hasRole(oracle.VERIFIER_ROLE(), address(exchange)));
        assertFalse(
            oracle.hasRole(oracle.VERIFIER_ROLE(), keeper), "a keeper cannot move the oracle's reference prices"
        );
        bytes memory err = abi.encodeWithSelector(
            IAccessControl.AccessControlUnauthorizedAccount.selector, keeper, oracle.VERIFIER_ROLE()
        );
        bytes[] memory update = priceUpdateNow();
        vm.prank(keeper);
        vm.expectRevert(err);
        oracle.verifyMarketPrices{value: 3}(
            address(weth), address(weth), address(usdc), update, 0, block.timestamp, false
        );
        assertEq(IPriceOracle(address(oracle)).lastAcceptedPrice(MarketDefaults.ETH_USD_FEED).price, 0);
    }
}
