// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice A verified oracle price as a range. Units: USD with 30 decimals per smallest unit of the
/// token (so `tokenAmount * price` is a USD value with 30 decimals). `min`/`max` are the Pyth price
/// minus/plus k x confidence; every formula picks the side worse for the trader or LP.
struct PriceRange {
    uint256 min;
    uint256 max;
}

/// @notice The three prices a market needs: the index token it tracks and the two pool tokens.
struct MarketPrices {
    PriceRange index;
    PriceRange long;
    PriceRange short;
}
