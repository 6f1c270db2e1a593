import { readFile, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve } from "node:path";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".map": "application/json; charset=utf-8",
  ".woff2": "font/woff2",
};

export type StaticServer = {
  url: string;
  /** What GET /config.json answers from now on: a body (sent as is), or undefined for a 404. */
  setConfigBody: (body: string | undefined) => void;
  close: () => Promise<void>;
};

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
}

/**
 * Serves a built app (`dist/`) on a free loopback port like a production static host: files as
 * they are, index.html for client-side routes, and /config.json from what the test sets.
 */
export async function startStaticServer(rootDir: string): Promise<StaticServer> {
  const root = resolve(rootDir);
  let configBody: string | undefined;

  const server: Server = createServer(async (request, response) => {
    try {
      const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
      if (pathname === "/config.json") {
        if (configBody === undefined) {
          response.writeHead(404, { "content-type": "text/plain" }).end("not found");
        } else {
          response.writeHead(200, { "content-type": CONTENT_TYPES[".json"], "cache-control": "no-store" });
          response.end(configBody);
        }
        return;
      }
      const filePath = normalize(join(root, pathname));
      if (!filePath.startsWith(root)) {
        response.writeHead(403).end();
        return;
      }
      if (await isFile(filePath)) {
        const type = CONTENT_TYPES[extname(filePath)] ?? "application/octet-stream";
        response.writeHead(200, { "content-type": type }).end(await readFile(filePath));
        return;
      }
      if (extname(pathname) === "") {
        // A client-side route (/positions): the app's index.html handles it.
        const html = await readFile(join(root, "index.html"));
        response.writeHead(200, { "content-type": CONTENT_TYPES[".html"] }).end(html);
        return;
      }
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
    } catch (error) {
      response.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    }
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setConfigBody: (body) => {
      configBody = body;
    },
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
