// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @title IPoolToken
/// @notice A market's LP share token, which is also the market's vault: it holds the pool's long and
/// short tokens, position collateral, the insurance fund and escrow of that market only (isolation).
/// The market's id is this contract's address. Only the exchange moves what it holds.
interface IPoolToken is IERC20 {
    error OnlyExchange(address caller);

    /// @notice The exchange that controls this vault.
    function exchange() external view returns (address);

    /// @notice Mints LP shares. Exchange only.
    function mint(address to, uint256 amount) external;

    /// @notice Burns LP shares. Exchange only.
    function burn(address from, uint256 amount) external;

    /// @notice Moves shares without an allowance (escrow of withdrawals and its refund). Exchange only.
    function moveShares(address from, address to, uint256 amount) external;

    /// @notice Sends `amount` of `token` to `to`. Returns false instead of reverting when the token
    /// refuses the transfer (for example a blacklisted receiver), so the exchange can record a claim.
    function transferOut(address token, address to, uint256 amount) external returns (bool success);
}
