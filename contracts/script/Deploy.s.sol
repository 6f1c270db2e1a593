// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Exchange} from "../src/core/Exchange.sol";
import {PythOracle} from "../src/core/PythOracle.sol";
import {MockERC20} from "../src/mocks/MockERC20.sol";
import {MarketDefaults} from "./MarketDefaults.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IPyth} from "@pythnetwork/pyth-sdk-solidity/IPyth.sol";
import {MockPyth} from "@pythnetwork/pyth-sdk-solidity/MockPyth.sol";
import {Script} from "forge-std/Script.sol";
import {stdJson} from "forge-std/StdJson.sol";

/// @title Deploy
/// @notice Deploys Bastion: tokens (mocks on local chains), MockPyth (local) or the configured Pyth
/// contract, the oracle adapter, the exchange, a timelock that holds the configuration roles, and the
/// ETH/USD and BTC/USD markets; then writes every address to a JSON file.
/// @dev Environment (all optional on a local chain):
///  PYTH_ADDRESS            real Pyth contract; unset = deploy MockPyth and mock WETH/WBTC/USDC
///  WETH, WBTC, USDC        token addresses when PYTH_ADDRESS is set
///  KEEPERS                 comma-separated keeper addresses (order, ADL and risk keeper roles)
///  TIMELOCK_DELAY          seconds (default 1 day; 60 on a local chain)
///  DEPLOYMENT_OUT          output path (default contracts/deployments/<chainId>.json)
contract Deploy is Script {
    using stdJson for string;

    struct Deployment {
        address pyth;
        address oracle;
        address exchange;
        address timelock;
        address weth;
        address wbtc;
        address usdc;
        address ethMarket;
        address btcMarket;
    }

    function run() external returns (Deployment memory d) {
        bool local = vm.envOr("PYTH_ADDRESS", address(0)) == address(0);
        address deployer = msg.sender;
        address[] memory keepers = vm.envOr("KEEPERS", ",", new address[](0));
        uint256 timelockDelay = vm.envOr("TIMELOCK_DELAY", local ? uint256(60) : uint256(1 days));

        vm.startBroadcast();
        _deployTokensAndPyth(d, local);
        d.oracle = address(new PythOracle(IPyth(d.pyth), deployer, MarketDefaults.oracleSettings()));
        d.exchange = address(new Exchange(PythOracle(d.oracle), deployer, MarketDefaults.exchangeSettings()));
        address[] memory admins = new address[](1);
        admins[0] = deployer;
        d.timelock = address(new TimelockController(timelockDelay, admins, admins, address(0)));
        _configure(d, deployer, keepers);
        vm.stopBroadcast();

        _write(d);
    }

    function _deployTokensAndPyth(Deployment memory d, bool local) private {
        if (!local) {
            d.pyth = vm.envAddress("PYTH_ADDRESS");
            d.weth = vm.envAddress("WETH");
            d.wbtc = vm.envAddress("WBTC");
            d.usdc = vm.envAddress("USDC");
            return;
        }
        // MockPyth: prices stay valid 60 s for its own getters; one wei per update.
        d.pyth = address(new MockPyth(60, 1));
        d.weth = address(new MockERC20("Wrapped Ether", "WETH", 18));
        d.wbtc = address(new MockERC20("Wrapped Bitcoin", "WBTC", 8));
        d.usdc = address(new MockERC20("USD Coin", "USDC", 6));
    }

    /// @dev The deployer configures feeds and markets, grants keeper roles, then hands every admin and
    /// configuration role to the timelock and keeps none.
    function _configure(Deployment memory d, address deployer, address[] memory keepers) private {
        PythOracle oracle = PythOracle(d.oracle);
        Exchange exchange = Exchange(payable(d.exchange));

        oracle.grantRole(oracle.CONFIG_ROLE(), deployer);
        oracle.setFeed(d.weth, MarketDefaults.ETH_USD_FEED, MarketDefaults.PYTH_EXPO, 18);
        oracle.setFeed(d.wbtc, MarketDefaults.BTC_USD_FEED, MarketDefaults.PYTH_EXPO, 8);
        oracle.setFeed(d.usdc, MarketDefaults.USDC_USD_FEED, MarketDefaults.PYTH_EXPO, 6);
        oracle.grantRole(oracle.VERIFIER_ROLE(), d.exchange);

        exchange.grantRole(exchange.MARKET_ADMIN_ROLE(), deployer);
        d.ethMarket = exchange.createMarket(
            d.weth,
            d.weth,
            d.usdc,
            MarketDefaults.marketConfig(),
            MarketDefaults.MAINTENANCE_MARGIN,
            "Bastion ETH/USD LP",
            "bETH-USD"
        );
        d.btcMarket = exchange.createMarket(
            d.wbtc,
            d.wbtc,
            d.usdc,
            MarketDefaults.marketConfig(),
            MarketDefaults.MAINTENANCE_MARGIN,
            "Bastion BTC/USD LP",
            "bBTC-USD"
        );

        for (uint256 i; i < keepers.length; ++i) {
            exchange.grantRole(exchange.ORDER_KEEPER_ROLE(), keepers[i]);
            exchange.grantRole(exchange.ADL_KEEPER_ROLE(), keepers[i]);
            exchange.grantRole(exchange.RISK_KEEPER_ROLE(), keepers[i]);
        }
        exchange.grantRole(exchange.PAUSER_ROLE(), deployer);

        exchange.grantRole(exchange.CONFIG_ROLE(), d.timelock);
        exchange.grantRole(exchange.MARKET_ADMIN_ROLE(), d.timelock);
        exchange.grantRole(exchange.DEFAULT_ADMIN_ROLE(), d.timelock);
        oracle.grantRole(oracle.CONFIG_ROLE(), d.timelock);
        oracle.grantRole(oracle.DEFAULT_ADMIN_ROLE(), d.timelock);
        exchange.renounceRole(exchange.MARKET_ADMIN_ROLE(), deployer);
        exchange.renounceRole(exchange.DEFAULT_ADMIN_ROLE(), deployer);
        oracle.renounceRole(oracle.CONFIG_ROLE(), deployer);
        oracle.renounceRole(oracle.DEFAULT_ADMIN_ROLE(), deployer);
    }

    function _write(Deployment memory d) private {
        string memory key = "deployment";
        vm.serializeUint(key, "chainId", block.chainid);
        vm.serializeAddress(key, "pyth", d.pyth);
        vm.serializeAddress(key, "oracle", d.oracle);
        vm.serializeAddress(key, "exchange", d.exchange);
        vm.serializeAddress(key, "timelock", d.timelock);
        vm.serializeAddress(key, "weth", d.weth);
        vm.serializeAddress(key, "wbtc", d.wbtc);
        vm.serializeAddress(key, "usdc", d.usdc);
        vm.serializeAddress(key, "ethUsdMarket", d.ethMarket);
        string memory json = vm.serializeAddress(key, "btcUsdMarket", d.btcMarket);
        string memory path = vm.envOr(
            "DEPLOYMENT_OUT",
            string.concat(vm.projectRoot(), "/contracts/deployments/", vm.toString(block.chainid), ".json")
        );
        json.write(path);
    }
}
