// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {PositionMath} from "../libraries/PositionMath.sol";
import {RateMath} from "../libraries/RateMath.sol";
import {Market, RateState} from "../types/MarketTypes.sol";
import {Position} from "../types/PositionTypes.sol";
import {MarketPrices} from "../types/Price.sol";
import {MarketLogic} from "./MarketLogic.sol";

/// @title PositionHealth
/// @notice What a position would keep if it were closed now, the one quantity behind the opening
/// requirement, the liquidation condition and the app's liquidation price.
library PositionHealth {
    /// @notice Components of a position's remaining collateral, in USD.
    struct Health {
        uint256 collateralUsd;
        int256 pnlUsd;
        uint256 borrowingFeeUsd;
        int256 fundingFeeUsd;
        uint256 closeFeeUsd;
        int256 closeImpactUsd;
        int256 remainingCollateralUsd;
    }

    /// @notice The key of a position.
    function positionKey(address account, address market, address collateralToken, bool isLong)
        internal
        pure
        returns (bytes32)
    {
        return keccak256(abi.encode(account, market, collateralToken, isLong));
    }

    /// @notice Remaining collateral if `position` were fully closed at `prices` with `rates`:
    /// collateral at its min price + PnL at the closing price - accrued borrowing and funding - close
    /// fee - negative close impact (positive impact is not counted).
    function evaluate(Market storage m, Position memory position, RateState memory rates, MarketPrices memory prices)
        internal
        view
        returns (Health memory h)
    {
        bool isLong = position.isLong;
        h.collateralUsd =
            position.collateralAmount * (position.collateralToken == m.longToken ? prices.long.min : prices.short.min);
        h.pnlUsd = PositionMath.pnlUsd(
            isLong, position.sizeUsd, position.sizeInTokens, isLong ? prices.index.min : prices.index.max
        );
        h.borrowingFeeUsd = pendingBorrowingFeeUsd(position, rates);
        h.fundingFeeUsd = pendingFundingFeeUsd(position, rates);
        h.closeImpactUsd = MarketLogic.priceImpactUsd(m, position.sizeUsd, isLong, false);
        h.closeFeeUsd = MarketLogic.positionFeeUsd(m, position.sizeUsd, h.closeImpactUsd);
        h.remainingCollateralUsd = PositionMath.remainingCollateralUsd(
            h.collateralUsd, h.pnlUsd, h.borrowingFeeUsd, h.fundingFeeUsd, h.closeFeeUsd, h.closeImpactUsd
        );
    }

    /// @notice Borrowing fee a position has accrued since its last update.
    function pendingBorrowingFeeUsd(Position memory position, RateState memory rates) internal pure returns (uint256) {
        return RateMath.borrowingFeeUsd(
            position.sizeUsd,
            position.isLong ? rates.cumulativeBorrowingFactorLong : rates.cumulativeBorrowingFactorShort,
            position.borrowingFactorSnapshot
        );
    }

    /// @notice Funding a position has accrued since its last update (positive = owed).
    function pendingFundingFeeUsd(Position memory position, RateState memory rates) internal pure returns (int256) {
        return RateMath.fundingFeeUsd(
            position.sizeUsd,
            position.isLong ? rates.cumulativeFundingPerSizeLong : rates.cumulativeFundingPerSizeShort,
            position.fundingPerSizeSnapshot
        );
    }

    /// @notice Maintenance margin of a position: max(minCollateralUsd, size x maintenance factor).
    function maintenanceMarginUsd(Market storage m, uint256 sizeUsd) internal view returns (uint256) {
        return PositionMath.marginRequirementUsd(sizeUsd, m.maintenanceMarginFactor, m.config.risk.minCollateralUsd);
    }

    /// @notice Opening requirement: max(minCollateralUsd, size x min collateral factor).
    function openingMarginUsd(Market storage m, uint256 sizeUsd) internal view returns (uint256) {
        return
            PositionMath.marginRequirementUsd(
                sizeUsd, m.config.risk.minCollateralFactor, m.config.risk.minCollateralUsd
            );
    }
}
