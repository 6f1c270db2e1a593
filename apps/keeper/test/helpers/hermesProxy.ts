import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A switchable HTTP proxy in front of the price service: counts calls, answers 503 while down. */
export interface HermesProxy {
  url: string;
  /** Calls received while up / while down. */
  readonly calls: { up: number; down: number };
  setDown(down: boolean): void;
  stop(): Promise<void>;
}

/** Starts a {@link HermesProxy} forwarding to `target`. */
export async function startHermesProxy(target: string): Promise<HermesProxy> {
  const calls = { up: 0, down: 0 };
  let down = false;
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    if (down) {
      calls.down += 1;
      res.writeHead(503, { "content-type": "text/plain" });
      res.end("service unavailable");
      return;
    }
    calls.up += 1;
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (upstreamResponse) => {
        res.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
        upstreamResponse.pipe(res);
      },
    );
    forward.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get calls() {
      return { ...calls };
    },
    setDown(value) {
      down = value;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
