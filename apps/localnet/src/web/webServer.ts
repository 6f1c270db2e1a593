import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";

/** Options of {@link startWebServer}. */
export interface StartWebServerOptions {
  /** The built app (`index.html` and its assets). */
  root: string;
  /** Served at `/config.json` instead of any file of that name. */
  config: unknown;
  /** 0 picks a free port. */
  port: number;
  host: string;
}

/** A running static server for the web app. */
export interface WebServer {
  url: string;
  port: number;
  /** Closes the server and its open connections; idempotent. */
  stop(): Promise<void>;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

/** The URL to print for a server listening on `host` (a wildcard address prints as the loopback). */
export function urlFor(host: string, port: number): string {
  const shown = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  return `http://${shown.includes(":") ? `[${shown}]` : shown}:${port}`;
}

async function serveFile(response: ServerResponse, path: string, method: string): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined || !info.isFile()) return false;
  response.writeHead(200, {
    "content-type": CONTENT_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream",
    "content-length": info.size,
    "cache-control": path.includes(`${sep}assets${sep}`) ? "public, max-age=31536000, immutable" : "no-cache",
  });
  if (method === "HEAD") {
    response.end();
    return true;
  }
  await new Promise<void>((resolve) => {
    createReadStream(path)
      .on("error", () => response.destroy())
      .on("close", resolve)
      .pipe(response);
  });
  return true;
}

function handler(root: string, configBody: string) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const method = request.method ?? "GET";
    if (method !== "GET" && method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    } catch {
      response.writeHead(400).end("bad request");
      return;
    }
    if (pathname === "/config.json") {
      response.writeHead(200, { "content-type": CONTENT_TYPES[".json"], "cache-control": "no-store" });
      response.end(method === "HEAD" ? undefined : configBody);
      return;
    }
    const file = normalize(join(root, pathname));
    if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) {
      response.writeHead(403).end("forbidden");
      return;
    }
    if (pathname !== "/" && (await serveFile(response, file, method))) return;
    // A missing asset is a 404; any other path is a client route of the single-page app.
    if (pathname.startsWith("/assets/") || extname(pathname) !== "") {
      response.writeHead(404, { "content-type": CONTENT_TYPES[".txt"] }).end("not found");
      return;
    }
    if (!(await serveFile(response, join(root, "index.html"), method))) {
      response.writeHead(500, { "content-type": CONTENT_TYPES[".txt"] }).end("index.html is missing");
    }
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new Error(
              `port ${port} on ${host} (web app) is already in use; choose another with --web-port <port>`,
            )
          : error,
      );
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      const address = server.address();
      resolve(typeof address === "object" && address !== null ? address.port : port);
    });
  });
}

/**
 * Serves the built web app: its files, `index.html` for client routes (react-router), and the
 * generated configuration at `/config.json`. Plain `node:http`, no dev server.
 *
 * @example
 * const web = await startWebServer({ root: resolveWebDist(), config, port: 5173, host: "127.0.0.1" });
 * console.log(web.url);
 * await web.stop();
 */
export async function startWebServer(options: StartWebServerOptions): Promise<WebServer> {
  const root = normalize(options.root);
  const body = `${JSON.stringify(options.config, null, 2)}\n`;
  const serve = handler(root, body);
  const server = createServer((request, response) => {
    serve(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  const port = await listen(server, options.port, options.host);
  let stopping: Promise<void> | undefined;
  return {
    url: urlFor(options.host, port),
    port,
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopping;
    },
  };
}
