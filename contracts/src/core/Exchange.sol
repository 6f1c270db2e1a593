// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchange} from "../interfaces/IExchange.sol";
import {IPoolToken} from "../interfaces/IPoolToken.sol";
import {IPriceOracle} from "../interfaces/IPriceOracle.sol";
import {TriggerMath} from "../libraries/TriggerMath.sol";
import {ConfigLogic} from "../logic/ConfigLogic.sol";
import {EthLogic} from "../logic/EthLogic.sol";
import {LiquidationLogic} from "../logic/LiquidationLogic.sol";
import {LiquidityLogic} from "../logic/LiquidityLogic.sol";
import {MarketLogic} from "../logic/MarketLogic.sol";
import {OrderLogic} from "../logic/OrderLogic.sol";
import {PositionHealth} from "../logic/PositionHealth.sol";
import {ReaderLogic} from "../logic/ReaderLogic.sol";
import {RequestLogic} from "../logic/RequestLogic.sol";
import {DEPOSIT_REQUEST, ExchangeState, ORDER_REQUEST, WITHDRAWAL_REQUEST} from "../state/ExchangeState.sol";
import {ExchangeSettings, Market, MarketConfig} from "../types/MarketTypes.sol";
import {Position} from "../types/PositionTypes.sol";
import {MarketPrices} from "../types/Price.sol";
import {CreateOrderParams, Deposit, Order, Withdrawal} from "../types/RequestTypes.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

/// @title Exchange
/// @notice Bastion's core: entry points, access control, oracle verification and the guarded
/// execution that turns a failed request into a refund. The logic lives in libraries. See `IExchange`.
contract Exchange is IExchange, AccessControl, ReentrancyGuardTransient {
    using EnumerableSet for EnumerableSet.UintSet;
    using EnumerableSet for EnumerableSet.Bytes32Set;

    /// @notice Creates markets.
    bytes32 public constant MARKET_ADMIN_ROLE = keccak256("MARKET_ADMIN_ROLE");
    /// @notice Changes market configuration and settings (held by the timelock).
    bytes32 public constant CONFIG_ROLE = keccak256("CONFIG_ROLE");
    /// @notice Moves maintenance margins within their bounds.
    bytes32 public constant RISK_KEEPER_ROLE = keccak256("RISK_KEEPER_ROLE");
    /// @notice Executes deposits, withdrawals and orders.
    bytes32 public constant ORDER_KEEPER_ROLE = keccak256("ORDER_KEEPER_ROLE");
    /// @notice Runs auto-deleveraging.
    bytes32 public constant ADL_KEEPER_ROLE = keccak256("ADL_KEEPER_ROLE");
    /// @notice Pauses markets in an emergency.
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");

    /// @inheritdoc IExchange
    IPriceOracle public immutable oracle;

    ExchangeState internal s;

    modifier onlySelf() {
        if (msg.sender != address(this)) revert OnlySelf();
        _;
    }

    constructor(IPriceOracle oracle_, address admin, ExchangeSettings memory settings_) {
        oracle = oracle_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        ConfigLogic.validateSettings(settings_);
        s.settings = settings_;
        emit SettingsUpdated(settings_);
    }

    // ------------------------------------------------------------------ LP and trader requests

    /// @inheritdoc IExchange
    function createDeposit(address market, uint256 longTokenAmount, uint256 shortTokenAmount, uint256 minShares)
        external
        payable
        nonReentrant
        returns (uint256)
    {
        return RequestLogic.createDeposit(s, market, longTokenAmount, shortTokenAmount, minShares, msg.value);
    }

    /// @inheritdoc IExchange
    function createWithdrawal(address market, uint256 shares, uint256 minLongTokenAmount, uint256 minShortTokenAmount)
        external
        payable
        nonReentrant
        returns (uint256)
    {
        return RequestLogic.createWithdrawal(s, market, shares, minLongTokenAmount, minShortTokenAmount, msg.value);
    }

    /// @inheritdoc IExchange
    function createOrder(CreateOrderParams calldata params) external payable nonReentrant returns (uint256) {
        return RequestLogic.createOrder(s, params, msg.value);
    }

    /// @inheritdoc IExchange
    function cancelDeposit(uint256 id) external nonReentrant {
        RequestLogic.cancel(s, DEPOSIT_REQUEST, id);
    }

    /// @inheritdoc IExchange
    function cancelWithdrawal(uint256 id) external nonReentrant {
        RequestLogic.cancel(s, WITHDRAWAL_REQUEST, id);
    }

    /// @inheritdoc IExchange
    function cancelOrder(uint256 id) external nonReentrant {
        RequestLogic.cancel(s, ORDER_REQUEST, id);
    }

    // ------------------------------------------------------------------ keeper executions

    /// @inheritdoc IExchange
    function executeDeposit(uint256 id, bytes[] calldata priceUpdate)
        external
        payable
        nonReentrant
        onlyRole(ORDER_KEEPER_ROLE)
    {
        Deposit storage d = s.deposits[id];
        if (d.account == address(0)) revert RequestNotFound(id);
        MarketPrices memory prices = _verifyRequestPrices(id, d.market, d.createdAt, true, priceUpdate);
        _guardedExecute(DEPOSIT_REQUEST, id, d.executionFee, abi.encodeCall(this.processDeposit, (id, prices)));
    }

    /// @inheritdoc IExchange
    function executeWithdrawal(uint256 id, bytes[] calldata priceUpdate)
        external
        payable
        nonReentrant
        onlyRole(ORDER_KEEPER_ROLE)
    {
        Withdrawal storage w = s.withdrawals[id];
        if (w.account == address(0)) revert RequestNotFound(id);
        MarketPrices memory prices = _verifyRequestPrices(id, w.market, w.createdAt, true, priceUpdate);
        _guardedExecute(WITHDRAWAL_REQUEST, id, w.executionFee, abi.encodeCall(this.processWithdrawal, (id, prices)));
    }

    /// @inheritdoc IExchange
    function executeOrder(uint256 id, bytes[] calldata priceUpdate)
        external
        payable
        nonReentrant
        onlyRole(ORDER_KEEPER_ROLE)
    {
        Order storage o = s.orders[id];
        if (o.account == address(0)) revert RequestNotFound(id);
        bool isMarketOrder = RequestLogic.isMarketOrder(o.orderType);
        MarketPrices memory prices = _verifyRequestPrices(id, o.market, o.createdAt, isMarketOrder, priceUpdate);
        (bool reached, uint256 price) = TriggerMath.triggerReached(o.orderType, o.isLong, o.triggerPrice, prices.index);
        if (!reached) revert TriggerPriceNotReached(price, o.triggerPrice);
        _guardedExecute(ORDER_REQUEST, id, o.executionFee, abi.encodeCall(this.processOrder, (id, prices)));
    }

    /// @inheritdoc IExchange
    function liquidatePosition(bytes32 positionKey_, bytes[] calldata priceUpdate)
        external
        payable
        nonReentrant
        returns (bool)
    {
        Position storage position = s.positions[positionKey_];
        if (position.account == address(0)) revert PositionNotFound(positionKey_);
        (MarketPrices memory prices, bool confirmed) = _verifyFreshPrices(position.market, priceUpdate);
        if (!confirmed) return false;
        LiquidationLogic.liquidate(s, positionKey_, prices, msg.sender);
        return true;
    }

    /// @inheritdoc IExchange
    function liquidatePositions(address market, bytes32[] calldata positionKeys, bytes[] calldata priceUpdate)
        external
        payable
        nonReentrant
        returns (bool confirmed, uint256 liquidated)
    {
        if (positionKeys.length == 0) revert EmptyLiquidationBatch();
        MarketPrices memory prices;
        (prices, confirmed) = _verifyFreshPrices(market, priceUpdate);
        if (!confirmed) return (false, 0);
        liquidated = LiquidationLogic.liquidateBatch(s, market, positionKeys, prices, msg.sender);
    }

    /// @inheritdoc IExchange
    function executeAdl(bytes32 positionKey_, uint256 sizeDeltaUsd, bytes[] calldata priceUpdate)
        external
        payable
        nonReentrant
        onlyRole(ADL_KEEPER_ROLE)
        returns (bool)
    {
        Position storage position = s.positions[positionKey_];
        if (position.account == address(0)) revert PositionNotFound(positionKey_);
        (MarketPrices memory prices, bool confirmed) = _verifyFreshPrices(position.market, priceUpdate);
        if (!confirmed) return false;
        return LiquidationLogic.adl(s, positionKey_, sizeDeltaUsd, prices);
    }

    /// @notice The body of `executeDeposit`, run in its own call frame so a failure can be refunded.
    function processDeposit(uint256 id, MarketPrices calldata prices) external onlySelf {
        LiquidityLogic.executeDeposit(s, id, prices);
    }

    /// @notice The body of `executeWithdrawal`.
    function processWithdrawal(uint256 id, MarketPrices calldata prices) external onlySelf {
        LiquidityLogic.executeWithdrawal(s, id, prices);
    }

    /// @notice The body of `executeOrder`.
    function processOrder(uint256 id, MarketPrices calldata prices) external onlySelf {
        OrderLogic.executeOrder(s, id, prices);
    }

    // ------------------------------------------------------------------ claims

    /// @inheritdoc IExchange
    function claimFunds(address market, address token) external nonReentrant returns (uint256 amount) {
        amount = s.claimableFunds[market][token][msg.sender];
        if (amount == 0) revert NothingToClaim();
        s.claimableFunds[market][token][msg.sender] = 0;
        Market storage m = s.markets[market];
        if (token == m.longToken) m.balances.claimableLongTokenAmount -= amount;
        else m.balances.claimableShortTokenAmount -= amount;
        if (!IPoolToken(market).transferOut(token, msg.sender, amount)) {
            revert ClaimTransferFailed(token, msg.sender, amount);
        }
        emit FundsClaimed(market, token, msg.sender, amount);
    }

    /// @inheritdoc IExchange
    function claimEth() external nonReentrant returns (uint256 amount) {
        amount = s.claimableEth[msg.sender];
        if (amount == 0) revert NothingToClaim();
        s.claimableEth[msg.sender] = 0;
        (bool ok,) = payable(msg.sender).call{value: amount}("");
        if (!ok) revert ClaimTransferFailed(address(0), msg.sender, amount);
        emit EthClaimed(msg.sender, amount);
    }

    // ------------------------------------------------------------------ administration

    /// @inheritdoc IExchange
    function createMarket(
        address indexToken,
        address longToken,
        address shortToken,
        MarketConfig calldata config,
        uint256 maintenanceMarginFactor,
        string calldata name,
        string calldata symbol
    ) external onlyRole(MARKET_ADMIN_ROLE) returns (address) {
        return ConfigLogic.createMarket(
            s, oracle, indexToken, longToken, shortToken, config, maintenanceMarginFactor, name, symbol
        );
    }

    /// @inheritdoc IExchange
    function setMarketConfig(address market, MarketConfig calldata config) external onlyRole(CONFIG_ROLE) {
        ConfigLogic.setMarketConfig(MarketLogic.get(s, market), market, config);
    }

    /// @inheritdoc IExchange
    function setSettings(ExchangeSettings calldata settings_) external onlyRole(CONFIG_ROLE) {
        ConfigLogic.validateSettings(settings_);
        s.settings = settings_;
        emit SettingsUpdated(settings_);
    }

    /// @inheritdoc IExchange
    function setMaintenanceMarginFactor(address market, uint256 factor) external onlyRole(RISK_KEEPER_ROLE) {
        ConfigLogic.setMaintenanceMarginFactor(MarketLogic.get(s, market), market, factor);
    }

    /// @inheritdoc IExchange
    function setMarketPaused(address market, bool paused) external onlyRole(PAUSER_ROLE) {
        MarketLogic.get(s, market).paused = paused;
        emit MarketPauseUpdated(market, paused);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IExchange
    function settings() external view returns (ExchangeSettings memory) {
        return s.settings;
    }

    /// @inheritdoc IExchange
    function getMarkets() external view returns (address[] memory) {
        return s.marketList;
    }

    /// @inheritdoc IExchange
    function getMarket(address market) external view returns (Market memory) {
        return MarketLogic.get(s, market);
    }

    /// @inheritdoc IExchange
    function positionKey(address account, address market, address collateralToken, bool isLong)
        external
        pure
        returns (bytes32)
    {
        return PositionHealth.positionKey(account, market, collateralToken, isLong);
    }

    /// @inheritdoc IExchange
    function getPosition(bytes32 key) external view returns (Position memory) {
        return s.positions[key];
    }

    /// @inheritdoc IExchange
    function getPositionCount(address market) external view returns (uint256) {
        return s.positionKeys[market].length();
    }

    /// @inheritdoc IExchange
    function getPositionKeys(address market, uint256 start, uint256 count)
        external
        view
        returns (bytes32[] memory keys)
    {
        EnumerableSet.Bytes32Set storage set = s.positionKeys[market];
        uint256 end = _pageEnd(set.length(), start, count);
        keys = new bytes32[](end > start ? end - start : 0);
        for (uint256 i = start; i < end; ++i) {
            keys[i - start] = set.at(i);
        }
    }

    /// @inheritdoc IExchange
    function getDeposit(uint256 id) external view returns (Deposit memory) {
        return s.deposits[id];
    }

    /// @inheritdoc IExchange
    function getWithdrawal(uint256 id) external view returns (Withdrawal memory) {
        return s.withdrawals[id];
    }

    /// @inheritdoc IExchange
    function getOrder(uint256 id) external view returns (Order memory) {
        return s.orders[id];
    }

    /// @inheritdoc IExchange
    function getPendingRequestIds(uint8 kind, uint256 start, uint256 count)
        external
        view
        returns (uint256[] memory ids)
    {
        EnumerableSet.UintSet storage set = s.pendingIds[kind];
        uint256 end = _pageEnd(set.length(), start, count);
        ids = new uint256[](end > start ? end - start : 0);
        for (uint256 i = start; i < end; ++i) {
            ids[i - start] = set.at(i);
        }
    }

    /// @inheritdoc IExchange
    function getPendingRequestCount(uint8 kind) external view returns (uint256) {
        return s.pendingIds[kind].length();
    }

    /// @inheritdoc IExchange
    function getPoolValue(address market, MarketPrices calldata prices, bool maximize, bool capPnl)
        external
        view
        returns (int256)
    {
        return ReaderLogic.poolValue(s, market, prices, maximize, capPnl);
    }

    /// @inheritdoc IExchange
    function getPositionHealth(bytes32 key, MarketPrices calldata prices)
        external
        view
        returns (int256 remainingCollateralUsd, uint256 maintenanceMarginUsd, bool liquidatable)
    {
        return ReaderLogic.positionHealth(s, key, prices);
    }

    /// @inheritdoc IExchange
    function getSolvency(address market, MarketPrices calldata prices) external view returns (Solvency memory) {
        return ReaderLogic.solvency(s, market, prices);
    }

    /// @inheritdoc IExchange
    function claimableFunds(address market, address token, address account) external view returns (uint256) {
        return s.claimableFunds[market][token][account];
    }

    /// @inheritdoc IExchange
    function claimableEth(address account) external view returns (uint256) {
        return s.claimableEth[account];
    }

    // ------------------------------------------------------------------ internals

    /// @dev Prices for a request: published at or after its creation and, for market requests, before
    /// it expires (which must not have happened yet); trigger orders take prices no older than
    /// `maxPriceAge`.
    function _verifyRequestPrices(
        uint256 id,
        address market,
        uint256 createdAt,
        bool expires,
        bytes[] calldata priceUpdate
    ) private returns (MarketPrices memory prices) {
        uint256 minPublishTime = createdAt;
        // No later than now + maxFutureSkew either: the oracle caps the window there.
        uint256 maxPublishTime = type(uint64).max;
        if (expires) {
            uint256 expiresAt = createdAt + s.settings.requestExpiry;
            if (block.timestamp > expiresAt) revert RequestExpired(id, expiresAt);
            maxPublishTime = expiresAt;
        } else {
            uint256 freshSince = _freshSince();
            if (freshSince > minPublishTime) minPublishTime = freshSince;
        }
        (prices,) = _verifyPrices(market, priceUpdate, minPublishTime, maxPublishTime, false);
    }

    /// @dev Prices for liquidations and ADL: no older than `maxPriceAge`, guarded against single prints.
    function _verifyFreshPrices(address market, bytes[] calldata priceUpdate)
        private
        returns (MarketPrices memory prices, bool confirmed)
    {
        // The oracle caps the window at now + maxFutureSkew.
        return _verifyPrices(market, priceUpdate, _freshSince(), type(uint64).max, true);
    }

    /// @dev The oldest publish time a liquidation, ADL or trigger order may use.
    function _freshSince() private view returns (uint256) {
        uint256 maxAge = s.settings.maxPriceAge;
        return block.timestamp > maxAge ? block.timestamp - maxAge : 0;
    }

    /// @dev Pays the Pyth fee the oracle quotes from `msg.value` and refunds the rest to the caller.
    function _verifyPrices(
        address market,
        bytes[] calldata priceUpdate,
        uint256 minPublishTime,
        uint256 maxPublishTime,
        bool guardDeviation
    ) private returns (MarketPrices memory prices, bool confirmed) {
        Market storage m = MarketLogic.get(s, market);
        uint256 fee = oracle.getUpdateFee(priceUpdate);
        if (msg.value < fee) revert InsufficientOracleFee(msg.value, fee);
        (prices, confirmed) = oracle.verifyMarketPrices{value: fee}(
            m.indexToken, m.longToken, m.shortToken, priceUpdate, minPublishTime, maxPublishTime, guardDeviation
        );
        EthLogic.send(s, msg.sender, msg.value - fee);
    }

    /// @dev Runs a request's body in a self-call. Success pays the keeper the execution fee; a failure
    /// with a reason cancels the request, refunds its escrow to the owner and still pays the keeper; a
    /// failure without a reason (out of gas) reverts everything so a keeper cannot force refunds by
    /// starving the call.
    function _guardedExecute(uint8 kind, uint256 id, uint256 executionFee, bytes memory call) private {
        uint256 required = s.settings.minExecutionGas;
        if (gasleft() < required) revert InsufficientExecutionGas(gasleft(), required);
        (bool ok, bytes memory reason) = address(this).call(call);
        if (!ok) {
            if (reason.length == 0) revert ExecutionOutOfGas(id);
            RequestLogic.cancelAfterFailure(s, kind, id, msg.sender, reason);
            return;
        }
        EthLogic.send(s, msg.sender, executionFee);
    }

    function _pageEnd(uint256 length, uint256 start, uint256 count) private pure returns (uint256) {
        if (start >= length) return start;
        uint256 end = start + count;
        return end > length ? length : end;
    }

    /// @notice Accepts ETH only from the Pyth contract's refunds (none expected) and claims.
    receive() external payable {}
}
