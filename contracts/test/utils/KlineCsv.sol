// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Vm} from "forge-std/Vm.sol";

/// @title KlineCsv
/// @notice Reads Binance kline CSV (the 12-column standard layout or its 6-column cut, with or without
/// a header line, 2- or 8-decimal prices) into bars with Pyth-style 8-decimal mantissas.
library KlineCsv {
    Vm private constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    /// @dev Prices as 8-decimal mantissas (Pyth expo -8); open time in seconds.
    struct Bar {
        uint256 openTime;
        int64 open;
        int64 high;
        int64 low;
        int64 close;
    }

    error MalformedRow(uint256 line, string row);
    error MalformedPrice(string value);
    error InconsistentBar(uint256 line, int64 open, int64 high, int64 low, int64 close);

    /// @notice Reads `path` (relative to the project root) and parses it.
    function read(string memory path) internal view returns (Bar[] memory) {
        return parse(vm.readFile(string.concat(vm.projectRoot(), "/", path)));
    }

    /// @notice Parses CSV text: one bar per line; a first line that does not start with a digit is a
    /// header; blank lines and carriage returns are ignored. Checks low <= open, close <= high.
    function parse(string memory csv) internal pure returns (Bar[] memory bars) {
        string[] memory lines = vm.split(csv, "\n");
        bars = new Bar[](lines.length);
        uint256 count;
        for (uint256 i; i < lines.length; ++i) {
            string memory line = _trimCarriageReturn(lines[i]);
            bytes memory raw = bytes(line);
            if (raw.length == 0) continue;
            if (raw[0] < "0" || raw[0] > "9") {
                if (i == 0) continue; // header
                revert MalformedRow(i + 1, line);
            }
            string[] memory cells = vm.split(line, ",");
            if (cells.length != 6 && cells.length != 12) revert MalformedRow(i + 1, line);
            Bar memory bar = Bar({
                openTime: vm.parseUint(cells[0]) / 1000,
                open: toMantissa8(cells[1]),
                high: toMantissa8(cells[2]),
                low: toMantissa8(cells[3]),
                close: toMantissa8(cells[4])
            });
            if (
                bar.low > bar.open || bar.low > bar.close || bar.high < bar.open || bar.high < bar.close || bar.low <= 0
            ) revert InconsistentBar(i + 1, bar.open, bar.high, bar.low, bar.close);
            bars[count++] = bar;
        }
        assembly ("memory-safe") {
            mstore(bars, count)
        }
    }

    /// @notice "2840.45" -> 284045000000; up to 8 decimals are kept, more are an error.
    function toMantissa8(string memory value) internal pure returns (int64) {
        bytes memory b = bytes(value);
        uint256 integer;
        uint256 fraction;
        uint256 fractionDigits;
        bool afterPoint;
        for (uint256 i; i < b.length; ++i) {
            bytes1 c = b[i];
            if (c == ".") {
                if (afterPoint) revert MalformedPrice(value);
                afterPoint = true;
            } else if (c >= "0" && c <= "9") {
                uint256 digit = uint8(c) - 48;
                if (afterPoint) {
                    if (++fractionDigits > 8) revert MalformedPrice(value);
                    fraction = fraction * 10 + digit;
                } else {
                    integer = integer * 10 + digit;
                }
            } else {
                revert MalformedPrice(value);
            }
        }
        if (b.length == 0 || integer > 1e10) revert MalformedPrice(value);
        return int64(int256(integer * 1e8 + fraction * 10 ** (8 - fractionDigits)));
    }

    function _trimCarriageReturn(string memory s) private pure returns (string memory) {
        bytes memory b = bytes(s);
        if (b.length > 0 && b[b.length - 1] == "\r") {
            assembly ("memory-safe") {
                mstore(b, sub(mload(b), 1))
            }
        }
        return string(b);
    }
}
