import { type Address, encodeAbiParameters, type Hex, keccak256 } from "viem";

export interface GetPositionKeyParameters {
  account: Address;
  market: Address;
  collateralToken: Address;
  isLong: boolean;
}

export type GetPositionKeyReturnType = Hex;

/**
 * The key of a position, computed locally exactly as the contract does:
 * `keccak256(abi.encode(account, market, collateralToken, isLong))`.
 *
 * @example
 * const key = getPositionKey({ account, market: deployment.ethUsdMarket, collateralToken: deployment.usdc, isLong: true });
 */
export function getPositionKey(parameters: GetPositionKeyParameters): GetPositionKeyReturnType {
  const { account, market, collateralToken, isLong } = parameters;
  return keccak256(
    encodeAbiParameters(
      [{ type: "address" }, { type: "address" }, { type: "address" }, { type: "bool" }],
      [account, market, collateralToken, isLong],
    ),
  );
}
