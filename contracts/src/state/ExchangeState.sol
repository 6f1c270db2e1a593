// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ExchangeSettings, Market} from "../types/MarketTypes.sol";
import {Position} from "../types/PositionTypes.sol";
import {Deposit, Order, Withdrawal} from "../types/RequestTypes.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

// Kinds of pending requests, indexing `ExchangeState.pendingIds`.
uint8 constant DEPOSIT_REQUEST = 0;
uint8 constant WITHDRAWAL_REQUEST = 1;
uint8 constant ORDER_REQUEST = 2;

/// @notice All of the exchange's state: plain structs in mappings, read and written by the logic
/// libraries through one storage pointer.
struct ExchangeState {
    ExchangeSettings settings;
    mapping(address market => Market) markets;
    address[] marketList;
    mapping(bytes32 positionKey => Position) positions;
    mapping(address market => EnumerableSet.Bytes32Set) positionKeys;
    uint256 nextRequestId;
    mapping(uint256 id => Deposit) deposits;
    mapping(uint256 id => Withdrawal) withdrawals;
    mapping(uint256 id => Order) orders;
    EnumerableSet.UintSet[3] pendingIds;
    mapping(address market => mapping(address token => mapping(address account => uint256))) claimableFunds;
    mapping(address account => uint256) claimableEth;
}
