// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ExchangeState, ORDER_REQUEST} from "../state/ExchangeState.sol";
import {Market} from "../types/MarketTypes.sol";
import {DecreaseKind} from "../types/PositionTypes.sol";
import {MarketPrices} from "../types/Price.sol";
import {Order} from "../types/RequestTypes.sol";
import {DecreaseLogic} from "./DecreaseLogic.sol";
import {IncreaseLogic} from "./IncreaseLogic.sol";
import {MarketLogic} from "./MarketLogic.sol";
import {PositionHealth} from "./PositionHealth.sol";
import {RequestLogic} from "./RequestLogic.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

/// @title OrderLogic
/// @notice Executes an order (the trigger, when it has one, is checked by the caller first).
library OrderLogic {
    using EnumerableSet for EnumerableSet.UintSet;

    function executeOrder(ExchangeState storage s, uint256 id, MarketPrices memory prices) external {
        Order memory o = s.orders[id];
        delete s.orders[id];
        s.pendingIds[ORDER_REQUEST].remove(id);
        if (RequestLogic.isIncrease(o.orderType)) {
            IncreaseLogic.increase(
                s,
                IncreaseLogic.IncreaseParams({
                    orderId: id,
                    account: o.account,
                    market: o.market,
                    collateralToken: o.collateralToken,
                    isLong: o.isLong,
                    sizeDeltaUsd: o.sizeDeltaUsd,
                    collateralDeltaAmount: o.collateralDeltaAmount,
                    acceptablePrice: o.acceptablePrice
                }),
                prices
            );
            return;
        }
        Market storage m = MarketLogic.get(s, o.market);
        MarketLogic.accrue(m, prices);
        DecreaseLogic.decrease(
            s,
            m,
            DecreaseLogic.DecreaseParams({
                orderId: id,
                key: PositionHealth.positionKey(o.account, o.market, o.collateralToken, o.isLong),
                kind: DecreaseKind.Order,
                sizeDeltaUsd: o.sizeDeltaUsd,
                collateralWithdrawAmount: o.collateralDeltaAmount,
                acceptablePrice: o.acceptablePrice,
                liquidator: address(0)
            }),
            prices
        );
    }
}
