// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPoolToken} from "../interfaces/IPoolToken.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @title PoolToken
/// @notice A market's LP shares and its vault. See `IPoolToken`.
contract PoolToken is ERC20, IPoolToken {
    /// @inheritdoc IPoolToken
    address public immutable exchange;

    modifier onlyExchange() {
        if (msg.sender != exchange) revert OnlyExchange(msg.sender);
        _;
    }

    constructor(string memory name_, string memory symbol_, address exchange_) ERC20(name_, symbol_) {
        exchange = exchange_;
    }

    /// @inheritdoc IPoolToken
    function mint(address to, uint256 amount) external onlyExchange {
        _mint(to, amount);
    }

    /// @inheritdoc IPoolToken
    function burn(address from, uint256 amount) external onlyExchange {
        _burn(from, amount);
    }

    /// @inheritdoc IPoolToken
    function moveShares(address from, address to, uint256 amount) external onlyExchange {
        _transfer(from, to, amount);
    }

    /// @inheritdoc IPoolToken
    function transferOut(address token, address to, uint256 amount) external onlyExchange returns (bool success) {
        (bool ok, bytes memory data) = token.call(abi.encodeCall(IERC20.transfer, (to, amount)));
        return ok && (data.length == 0 ? token.code.length > 0 : abi.decode(data, (bool)));
    }
}
