import { type Address, getAddress, type Hex, isAddress } from "viem";
import { z } from "zod";

/** A 0x-prefixed 20-byte address, returned checksummed. */
const addressSchema = z
  .string()
  .refine((value) => isAddress(value, { strict: false }), {
    message: "expected a 0x-prefixed 20-byte hex address",
  })
  .transform((value): Address => getAddress(value));

const bytes32Schema = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/, "expected a 0x-prefixed 32-byte hex value")
  .transform((value) => value.toLowerCase() as Hex);

const httpUrlSchema = z.url({ protocol: /^https?$/, error: "expected an http:// or https:// URL" });

const tokenSchema = z.object({
  symbol: z.string().min(1).max(16),
  address: addressSchema,
  decimals: z.int().min(0).max(36),
});

const marketSchema = z.object({
  /** Shown in the market selector, e.g. "ETH/USD". */
  symbol: z.string().regex(/^[A-Z0-9]+\/[A-Z0-9]+$/, 'expected a pair like "ETH/USD"'),
  /** The market's pool (market token) address. */
  address: addressSchema,
  /** The real Pyth price feed id of the index token. */
  pythPriceFeedId: bytes32Schema,
  /** The token whose price the market tracks (its decimals scale on-chain prices). */
  indexToken: tokenSchema,
  longToken: tokenSchema,
  shortToken: tokenSchema,
});

export const appConfigSchema = z
  .strictObject({
    chainId: z.int().positive(),
    chainName: z.string().min(1),
    rpcUrl: httpUrlSchema,
    blockExplorerUrl: httpUrlSchema.optional(),
    /** Hermes-compatible price service (the local one, or Hermes itself in production). */
    priceServiceUrl: httpUrlSchema,
    /** Deployment addresses by contract name, as the deploy script writes them. */
    contracts: z.record(z.string().min(1), addressSchema),
    markets: z.array(marketSchema).min(1, "expected at least one market"),
  })
  .superRefine((config, context) => {
    const seen = new Set<string>();
    config.markets.forEach((market, index) => {
      if (seen.has(market.symbol)) {
        context.addIssue({
          code: "custom",
          path: ["markets", index, "symbol"],
          message: `duplicate market "${market.symbol}"`,
        });
      }
      seen.add(market.symbol);
    });
  });

export type AppConfig = z.output<typeof appConfigSchema>;
export type MarketConfig = AppConfig["markets"][number];
export type TokenConfig = MarketConfig["longToken"];

/** Anvil's chain id: the dev-account connector is offered only on this chain. */
export const ANVIL_CHAIN_ID = 31337;
