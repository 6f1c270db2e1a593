import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the proxy does to the requests it forwards. */
export interface FlakyRpcProxyFaults {
  /** Fail this many of the next requests (any method) with HTTP 503, then forward normally. */
  failNextRequests: number;
  /** Always fail requests for this method with HTTP 503 (`null`: none). */
  alwaysFailMethod: string | null;
  /** Reject `eth_getLogs` spanning more blocks than this, as Infura/geth do (`null`: no limit). */
  maxGetLogsBlocks: bigint | null;
}

/** A local HTTP JSON-RPC proxy in front of anvil that injects failures. */
export interface FlakyRpcProxy {
  /** URL to give the indexer's client. */
  readonly url: string;
  /** Faults to inject; change them at any time. */
  readonly faults: FlakyRpcProxyFaults;
  /** Counters of what happened. */
  readonly stats: { requests: number; failed: number; rejectedAsTooLarge: number; methods: string[] };
  /** Closes the server. */
  close(): Promise<void>;
}

interface JsonRpcRequest {
  id: number | string;
  method: string;
  params?: unknown[];
}

/** Starts the proxy on a free port, forwarding to `targetUrl`. */
export async function startFlakyRpcProxy(targetUrl: string): Promise<FlakyRpcProxy> {
  const faults: FlakyRpcProxyFaults = { failNextRequests: 0, alwaysFailMethod: null, maxGetLogsBlocks: null };
  const stats = { requests: 0, failed: 0, rejectedAsTooLarge: 0, methods: [] as string[] };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const rpc = JSON.parse(body) as JsonRpcRequest;
    stats.requests++;
    stats.methods.push(rpc.method);

    if (faults.failNextRequests > 0 || faults.alwaysFailMethod === rpc.method) {
      if (faults.failNextRequests > 0) faults.failNextRequests--;
      stats.failed++;
      response
        .writeHead(503, { "content-type": "text/plain" })
        .end("upstream unavailable (injected by test proxy)");
      return;
    }
    if (rpc.method === "eth_getLogs" && faults.maxGetLogsBlocks !== null) {
      const filter = (rpc.params?.[0] ?? {}) as { fromBlock?: string; toBlock?: string };
      const blocks = BigInt(filter.toBlock ?? "0x0") - BigInt(filter.fromBlock ?? "0x0") + 1n;
      if (blocks > faults.maxGetLogsBlocks) {
        stats.rejectedAsTooLarge++;
        response.writeHead(200, { "content-type": "application/json" }).end(
          JSON.stringify({
            jsonrpc: "2.0",
            id: rpc.id,
            error: { code: -32005, message: "query returned more than 10000 results" },
          }),
        );
        return;
      }
    }
    const upstream = await fetch(targetUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    response.writeHead(upstream.status, { "content-type": "application/json" }).end(await upstream.text());
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    faults,
    stats,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
