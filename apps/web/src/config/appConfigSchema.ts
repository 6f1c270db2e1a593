import { type Address, getAddress, type Hex, isAddress, isAddressEqual } from "viem";
import { z } from "zod";
import { knownFeedIdForSymbol } from "./knownFeeds";

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
  /**
   * The token's Pyth feed. Optional for the index token (the market's feed) and for tokens with a
   * well-known feed (USDC); required otherwise, because the app fetches every price a market needs.
   */
  pythPriceFeedId: bytes32Schema.optional(),
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

/** Contract names the app needs in `contracts`. */
export const REQUIRED_CONTRACTS = ["exchange", "oracle"] as const;

export const appConfigSchema = z
  .strictObject({
    chainId: z.int().positive(),
    chainName: z.string().min(1),
    rpcUrl: httpUrlSchema,
    blockExplorerUrl: httpUrlSchema.optional(),
    /** Hermes-compatible price service (the local one, or Hermes itself in production). */
    priceServiceUrl: httpUrlSchema,
    /** Sent as `Authorization: Bearer <key>` (Hermes requires a key). Anyone can read it in the page. */
    priceServiceApiKey: z.string().min(1).optional(),
    /** Deployment addresses by contract name, as the deploy script writes them. */
    contracts: z.record(z.string().min(1), addressSchema),
    /** First block the browser indexes pool events from (the deployment block); default 0. */
    indexerStartBlock: z.int().min(0).optional(),
    markets: z.array(marketSchema).min(1, "expected at least one market"),
  })
  .superRefine((config, context) => {
    for (const name of REQUIRED_CONTRACTS) {
      if (config.contracts[name] === undefined) {
        context.addIssue({
          code: "custom",
          path: ["contracts", name],
          message: `required: the ${name} address from the deployment`,
        });
      }
    }
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
      for (const side of ["longToken", "shortToken"] as const) {
        const token = market[side];
        const feed =
          token.pythPriceFeedId ??
          (isAddressEqual(token.address, market.indexToken.address) ? market.pythPriceFeedId : undefined) ??
          knownFeedIdForSymbol(token.symbol);
        if (feed === undefined) {
          context.addIssue({
            code: "custom",
            path: ["markets", index, side, "pythPriceFeedId"],
            message: `required: no known Pyth feed for ${token.symbol}`,
          });
        }
      }
    });
  });

export type AppConfig = z.output<typeof appConfigSchema>;
export type MarketConfig = AppConfig["markets"][number];
export type TokenConfig = MarketConfig["longToken"];

/** Anvil's chain id: the dev-account connector is offered only on this chain. */
export const ANVIL_CHAIN_ID = 31337;
