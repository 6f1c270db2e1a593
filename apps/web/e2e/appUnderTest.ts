import { type Localnet, type StartLocalnetOptions, startLocalnet } from "@bastion/localnet";
import { DIST_DIR } from "./paths";
import { setPrice } from "./priceAdmin";
import { type StaticServer, startStaticServer } from "./staticServer";

export type AppUnderTest = {
  /** Where the built app is served. */
  url: string;
  server: StaticServer;
  /** The whole local exchange: anvil with Bastion deployed, price service, keeper, seeded pools. */
  localnet: Localnet;
  priceServiceUrl: string;
  /** The config.json the local exchange writes for the app (its RPC, price service, markets). */
  goodConfig: Record<string, unknown>;
  stop: () => Promise<void>;
};

export type StartAppUnderTestOptions = {
  /** Manual prices set through the price service's admin endpoint before the pools are seeded. */
  fixedPrices?: Readonly<Record<string, string>>;
  /** Liquidity per pool in whole USD (default 1,000,000). */
  poolUsd?: bigint;
};

/**
 * The built app on a static server (which answers /config.json with whatever a test sets), against
 * the real local exchange from @bastion/localnet on free loopback ports: anvil with Bastion
 * deployed, the Hermes-compatible price service, the keeper, dev accounts funded, pools seeded.
 */
export async function startAppUnderTest(options: StartAppUnderTestOptions = {}): Promise<AppUnderTest> {
  const fixed = options.fixedPrices ?? {};
  const localnetOptions: StartLocalnetOptions = {
    chainPort: 0,
    pricePort: 0,
    webPort: 0,
    keeperMetricsPort: 0,
    web: false,
    poolUsd: options.poolUsd ?? 1_000_000n,
    hooks: {
      afterPriceService: async ({ priceService }) => {
        for (const [symbol, price] of Object.entries(fixed)) await setPrice(priceService.url, symbol, price);
      },
    },
  };
  const localnet = await startLocalnet(localnetOptions);
  let server: StaticServer | undefined;
  try {
    server = await startStaticServer(DIST_DIR);
    const goodConfig = JSON.parse(JSON.stringify(localnet.webConfig)) as Record<string, unknown>;
    server.setConfigBody(JSON.stringify(goodConfig));
    const started = server;
    return {
      url: started.url,
      server: started,
      localnet,
      priceServiceUrl: localnet.priceService.url,
      goodConfig,
      stop: async () => {
        await started.close();
        await localnet.stop();
      },
    };
  } catch (error) {
    await server?.close();
    await localnet.stop();
    throw error;
  }
}
