import { createServer } from "node:net";

/** A port the local exchange needs, and the option that sets it. */
export interface RequiredPort {
  /** What listens there, e.g. "chain RPC". */
  service: string;
  /** The command-line option that changes it, e.g. "--chain-port". */
  option: string;
  port: number;
}

/** Thrown when ports the local exchange needs are already taken; names each one. */
export class PortInUseError extends Error {
  override name = "PortInUseError";
  constructor(
    readonly taken: readonly RequiredPort[],
    readonly host: string,
  ) {
    super(
      taken
        .map(
          ({ service, option, port }) =>
            `port ${port} on ${host} (${service}) is already in use; choose another with ${option} <port>`,
        )
        .join("\n"),
    );
  }
}

/** Whether a TCP port can be listened on at `host` right now. */
export function isPortFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE" || error.code === "EACCES") resolve(false);
      else reject(error);
    });
    server.listen({ port, host, exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}

/**
 * Checks every fixed port (port 0 means "any free port" and is skipped) before anything starts, and
 * throws a {@link PortInUseError} listing each one that is taken. The same port given to two services
 * is reported too.
 *
 * @example
 * await assertPortsFree("127.0.0.1", [{ service: "chain RPC", option: "--chain-port", port: 8545 }]);
 */
export async function assertPortsFree(host: string, ports: readonly RequiredPort[]): Promise<void> {
  const fixed = ports.filter((entry) => entry.port !== 0);
  const seen = new Map<number, RequiredPort>();
  for (const entry of fixed) {
    const other = seen.get(entry.port);
    if (other !== undefined) {
      throw new Error(
        `port ${entry.port} is given to both the ${other.service} (${other.option}) and the ${entry.service} (${entry.option})`,
      );
    }
    seen.set(entry.port, entry);
  }
  const taken: RequiredPort[] = [];
  for (const entry of fixed) {
    if (!(await isPortFree(entry.port, host))) taken.push(entry);
  }
  if (taken.length > 0) throw new PortInUseError(taken, host);
}
