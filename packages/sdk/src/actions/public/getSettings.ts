import { exchangeAbi } from "@bastion/contracts";
import type { Address, Chain, Client, ReadContractErrorType, Transport } from "viem";
import { readOne } from "../../internal/read.js";
import type { ExchangeSettings } from "../../types.js";

export interface GetSettingsParameters {
  /** The exchange's address. */
  exchange: Address;
  blockNumber?: bigint | undefined;
}

/** Exchange-wide settings: request expiry, cancel delay, minimum execution fee (wei), max price age, min execution gas. */
export type GetSettingsReturnType = ExchangeSettings;

export type GetSettingsErrorType = ReadContractErrorType;

/**
 * Reads the exchange-wide settings.
 *
 * @example
 * const { minExecutionFee, requestExpiry } = await getSettings(publicClient, { exchange: deployment.exchange });
 */
export async function getSettings(
  client: Client<Transport, Chain | undefined>,
  parameters: GetSettingsParameters,
): Promise<GetSettingsReturnType> {
  return readOne<ExchangeSettings>(
    client,
    { address: parameters.exchange, abi: exchangeAbi, functionName: "settings" },
    { blockNumber: parameters.blockNumber },
  );
}
