// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {PriceRange} from "../types/Price.sol";
import {OrderType} from "../types/RequestTypes.sol";

/// @title TriggerMath
/// @notice When a trigger order may execute, comparing the index price the order would execute at
/// with its trigger price.
library TriggerMath {
    /// @return reached whether the order may execute now
    /// @return price the index price compared with the trigger
    function triggerReached(OrderType orderType, bool isLong, uint256 triggerPrice, PriceRange memory index)
        internal
        pure
        returns (bool reached, uint256 price)
    {
        if (orderType == OrderType.MarketIncrease || orderType == OrderType.MarketDecrease) return (true, 0);
        if (orderType == OrderType.LimitIncrease) {
            // Buy at or below the trigger; sell short at or above it.
            price = isLong ? index.max : index.min;
            return (isLong ? price <= triggerPrice : price >= triggerPrice, price);
        }
        // Decreases execute at the min price for longs, the max for shorts.
        price = isLong ? index.min : index.max;
        if (orderType == OrderType.LimitDecrease) {
            // Take profit: the price rose past the trigger (long) or fell past it (short).
            return (isLong ? price >= triggerPrice : price <= triggerPrice, price);
        }
        // Stop loss: the price fell to the trigger (long) or rose to it (short).
        return (isLong ? price <= triggerPrice : price >= triggerPrice, price);
    }
}
