import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { type RunningAnvil, startAnvil } from "../src/test/startAnvil";
import { DIST_DIR } from "./paths";
import { type StaticServer, startStaticServer } from "./staticServer";

export type AppUnderTest = {
  /** Where the built app is served. */
  url: string;
  server: StaticServer;
  anvil: RunningAnvil;
  /** config.example.json pointed at this run's anvil, as the launcher would write it. */
  goodConfig: Record<string, unknown>;
  stop: () => Promise<void>;
};

/** The built app on a static server, with a real anvil as its chain. */
export async function startAppUnderTest(): Promise<AppUnderTest> {
  const anvil = await startAnvil();
  let server: StaticServer | undefined;
  try {
    server = await startStaticServer(DIST_DIR);
    const examplePath = fileURLToPath(new URL("../config.example.json", import.meta.url));
    const example = JSON.parse(await readFile(examplePath, "utf8")) as Record<string, unknown>;
    const goodConfig = { ...example, rpcUrl: anvil.rpcUrl };
    server.setConfigBody(JSON.stringify(goodConfig));
    const started = server;
    return {
      url: started.url,
      server: started,
      anvil,
      goodConfig,
      stop: async () => {
        await started.close();
        await anvil.stop();
      },
    };
  } catch (error) {
    await server?.close();
    await anvil.stop();
    throw error;
  }
}
