// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MarketDefaults} from "../../script/MarketDefaults.sol";
import {Exchange} from "../../src/core/Exchange.sol";
import {PythOracle} from "../../src/core/PythOracle.sol";
import {IPoolToken} from "../../src/interfaces/IPoolToken.sol";
import {MockERC20} from "../../src/mocks/MockERC20.sol";
import {Market, MarketConfig} from "../../src/types/MarketTypes.sol";
import {Position} from "../../src/types/PositionTypes.sol";
import {MarketPrices, PriceRange} from "../../src/types/Price.sol";
import {CreateOrderParams, OrderType} from "../../src/types/RequestTypes.sol";
import {IPyth} from "@pythnetwork/pyth-sdk-solidity/IPyth.sol";
import {MockPyth} from "@pythnetwork/pyth-sdk-solidity/MockPyth.sol";
import {Test} from "forge-std/Test.sol";

/// @notice Deploys Bastion against MockPyth with the default parameters and offers helpers to move
/// prices and run requests end to end. The test contract holds every role.
abstract contract ExchangeFixture is Test {
    uint256 internal constant USD = 1e30;
    uint256 internal constant PCT = 1e28;
    uint256 internal constant EXECUTION_FEE = 0.0001 ether;
    /// @dev Pyth mantissas have 8 decimals.
    int64 internal constant PYTH_ONE = 1e8;

    MockPyth internal pyth;
    PythOracle internal oracle;
    Exchange internal exchange;
    MockERC20 internal weth;
    MockERC20 internal wbtc;
    MockERC20 internal usdc;
    address internal ethMarket;
    address internal btcMarket;

    address internal keeper = makeAddr("keeper");
    address internal lp = makeAddr("lp");
    address internal trader = makeAddr("trader");
    address internal liquidator = makeAddr("liquidator");

    /// @dev Current mid prices as Pyth mantissas (8 decimals) and confidence in basis points.
    int64 internal ethPrice = 3000 * PYTH_ONE;
    int64 internal btcPrice = 60_000 * PYTH_ONE;
    int64 internal usdcPrice = PYTH_ONE;
    uint64 internal confBps = 1;

    function setUp() public virtual {
        vm.warp(1_750_000_000);
        pyth = new MockPyth(60, 1);
        weth = new MockERC20("Wrapped Ether", "WETH", 18);
        wbtc = new MockERC20("Wrapped Bitcoin", "WBTC", 8);
        usdc = new MockERC20("USD Coin", "USDC", 6);
        oracle = new PythOracle(IPyth(address(pyth)), address(this), MarketDefaults.oracleSettings());
        exchange = new Exchange(oracle, address(this), MarketDefaults.exchangeSettings());

        oracle.grantRole(oracle.CONFIG_ROLE(), address(this));
        oracle.grantRole(oracle.VERIFIER_ROLE(), address(exchange));
        oracle.setFeed(address(weth), MarketDefaults.ETH_USD_FEED, -8, 18);
        oracle.setFeed(address(wbtc), MarketDefaults.BTC_USD_FEED, -8, 8);
        oracle.setFeed(address(usdc), MarketDefaults.USDC_USD_FEED, -8, 6);

        bytes32[6] memory roles = [
            exchange.MARKET_ADMIN_ROLE(),
            exchange.CONFIG_ROLE(),
            exchange.RISK_KEEPER_ROLE(),
            exchange.ORDER_KEEPER_ROLE(),
            exchange.ADL_KEEPER_ROLE(),
            exchange.PAUSER_ROLE()
        ];
        for (uint256 i; i < roles.length; ++i) {
            exchange.grantRole(roles[i], address(this));
        }
        exchange.grantRole(exchange.ORDER_KEEPER_ROLE(), keeper);
        exchange.grantRole(exchange.ADL_KEEPER_ROLE(), keeper);

        ethMarket = exchange.createMarket(
            address(weth),
            address(weth),
            address(usdc),
            marketConfig(),
            MarketDefaults.MAINTENANCE_MARGIN,
            "ETH LP",
            "bETH"
        );
        btcMarket = exchange.createMarket(
            address(wbtc),
            address(wbtc),
            address(usdc),
            marketConfig(),
            MarketDefaults.MAINTENANCE_MARGIN,
            "BTC LP",
            "bBTC"
        );
        vm.deal(keeper, 100 ether);
        vm.deal(lp, 100 ether);
        vm.deal(trader, 100 ether);
        vm.deal(liquidator, 100 ether);
    }

    /// @dev Override to change the markets' configuration in a suite.
    function marketConfig() internal view virtual returns (MarketConfig memory) {
        return MarketDefaults.marketConfig();
    }

    // ------------------------------------------------------------------ prices

    function setEthPrice(int64 usdMantissa) internal {
        ethPrice = usdMantissa;
    }

    /// @dev Price update bytes for ETH, BTC and USDC at the current prices, published at `publishTime`.
    function priceUpdate(uint256 publishTime) internal view returns (bytes[] memory data) {
        data = new bytes[](3);
        data[0] = _feedUpdate(MarketDefaults.ETH_USD_FEED, ethPrice, publishTime);
        data[1] = _feedUpdate(MarketDefaults.BTC_USD_FEED, btcPrice, publishTime);
        data[2] = _feedUpdate(MarketDefaults.USDC_USD_FEED, usdcPrice, publishTime);
    }

    function priceUpdateNow() internal view returns (bytes[] memory) {
        return priceUpdate(block.timestamp);
    }

    function _feedUpdate(bytes32 feedId, int64 price, uint256 publishTime) internal view returns (bytes memory) {
        uint64 conf = uint64(uint256(int256(price))) * confBps / 10_000;
        return pyth.createPriceFeedUpdateData(
            feedId, price, conf, -8, price, conf, uint64(publishTime), uint64(publishTime > 0 ? publishTime - 1 : 0)
        );
    }

    /// @dev The price range the oracle will produce for the current mantissas (ETH market).
    function ethMarketPrices() internal view returns (MarketPrices memory p) {
        p.index = _range(ethPrice, 1e4);
        p.long = p.index;
        p.short = _range(usdcPrice, 1e16);
    }

    function _range(int64 price, uint256 multiplier) internal view returns (PriceRange memory r) {
        uint256 mantissa = uint256(int256(price));
        uint256 conf = mantissa * confBps / 10_000;
        r.min = (mantissa - conf) * multiplier;
        r.max = (mantissa + conf) * multiplier;
    }

    // ------------------------------------------------------------------ flows

    function fund(address account, uint256 wethAmount, uint256 usdcAmount) internal {
        weth.mint(account, wethAmount);
        usdc.mint(account, usdcAmount);
        vm.startPrank(account);
        weth.approve(address(exchange), type(uint256).max);
        usdc.approve(address(exchange), type(uint256).max);
        wbtc.approve(address(exchange), type(uint256).max);
        vm.stopPrank();
    }

    function createDeposit(address account, address market, uint256 longAmount, uint256 shortAmount)
        internal
        returns (uint256 id)
    {
        vm.prank(account);
        id = exchange.createDeposit{value: EXECUTION_FEE}(market, longAmount, shortAmount, 0);
    }

    function executeDeposit(uint256 id) internal {
        vm.warp(block.timestamp + 1);
        bytes[] memory update = priceUpdateNow();
        vm.prank(keeper);
        exchange.executeDeposit{value: 3}(id, update);
    }

    /// @dev Funds `account` and deposits into the ETH market; returns shares minted.
    function depositEth(address account, uint256 wethAmount, uint256 usdcAmount) internal returns (uint256 shares) {
        fund(account, wethAmount, usdcAmount);
        uint256 before = IPoolToken(ethMarket).balanceOf(account);
        executeDeposit(createDeposit(account, ethMarket, wethAmount, usdcAmount));
        shares = IPoolToken(ethMarket).balanceOf(account) - before;
    }

    function createMarketOrder(
        address account,
        address market,
        address collateralToken,
        bool isLong,
        bool increase,
        uint256 sizeDeltaUsd,
        uint256 collateralDeltaAmount,
        uint256 acceptablePrice
    ) internal returns (uint256 id) {
        vm.prank(account);
        id = exchange.createOrder{value: EXECUTION_FEE}(
            CreateOrderParams({
                market: market,
                collateralToken: collateralToken,
                isLong: isLong,
                orderType: increase ? OrderType.MarketIncrease : OrderType.MarketDecrease,
                sizeDeltaUsd: sizeDeltaUsd,
                collateralDeltaAmount: collateralDeltaAmount,
                triggerPrice: 0,
                acceptablePrice: acceptablePrice
            })
        );
    }

    function executeOrder(uint256 id) internal {
        vm.warp(block.timestamp + 1);
        bytes[] memory update = priceUpdateNow();
        vm.prank(keeper);
        exchange.executeOrder{value: 3}(id, update);
    }

    /// @dev Opens (or increases) a position in the ETH market with USDC or WETH collateral.
    function openEth(address account, address collateralToken, uint256 collateralAmount, uint256 sizeUsd, bool isLong)
        internal
        returns (bytes32 key)
    {
        if (collateralToken == address(weth)) fund(account, collateralAmount, 0);
        else fund(account, 0, collateralAmount);
        uint256 acceptable = isLong ? type(uint256).max : 0;
        executeOrder(
            createMarketOrder(account, ethMarket, collateralToken, isLong, true, sizeUsd, collateralAmount, acceptable)
        );
        key = exchange.positionKey(account, ethMarket, collateralToken, isLong);
    }

    function closeEth(address account, address collateralToken, uint256 sizeUsd, bool isLong) internal {
        uint256 acceptable = isLong ? 0 : type(uint256).max;
        executeOrder(createMarketOrder(account, ethMarket, collateralToken, isLong, false, sizeUsd, 0, acceptable));
    }

    function liquidate(bytes32 key) internal returns (bool) {
        vm.warp(block.timestamp + 1);
        bytes[] memory update = priceUpdateNow();
        vm.prank(liquidator);
        return exchange.liquidatePosition{value: 3}(key, update);
    }

    function positionOf(bytes32 key) internal view returns (Position memory) {
        return exchange.getPosition(key);
    }

    function marketState(address id) internal view returns (Market memory) {
        return exchange.getMarket(id);
    }

    /// @dev Sum over the vault's owners of what it holds of `token`.
    function accountedBalance(address marketId, address token) internal view returns (uint256) {
        Market memory m = exchange.getMarket(marketId);
        bool isLong = token == m.longToken;
        return isLong
            ? m.balances.longAmount + m.balances.insuranceLongAmount + m.balances.collateralLongTokenAmount
                + m.balances.escrowLongTokenAmount + m.balances.claimableLongTokenAmount
            : m.balances.shortAmount + m.balances.insuranceShortAmount + m.balances.collateralShortTokenAmount
                + m.balances.escrowShortTokenAmount + m.balances.claimableShortTokenAmount;
    }
}
