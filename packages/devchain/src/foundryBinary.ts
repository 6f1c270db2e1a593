import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** Thrown when a Foundry executable from the `@foundry-rs/*` npm packages cannot be found. */
export class FoundryBinaryNotFoundError extends Error {
  override name = "FoundryBinaryNotFoundError";
}

/**
 * The path of `forge` or `cast` from its `@foundry-rs/<tool>` npm package (its platform package holds
 * the binary), or `$FORGE_BINARY`/`$CAST_BINARY` when set.
 */
export function resolveFoundryBinary(tool: "forge" | "cast"): string {
  const fromEnv = process.env[`${tool.toUpperCase()}_BINARY`];
  if (fromEnv) return fromEnv;
  const arch = { x64: "amd64", arm64: "arm64" }[process.arch as string] ?? process.arch;
  const platformPackage = `@foundry-rs/${tool}-${process.platform}-${arch}`;
  const executable = process.platform === "win32" ? `${tool}.exe` : tool;
  try {
    const require = createRequire(import.meta.url);
    const wrapper = require.resolve(`@foundry-rs/${tool}/package.json`);
    const platformPackageJson = createRequire(wrapper).resolve(`${platformPackage}/package.json`);
    const candidate = join(dirname(platformPackageJson), "bin", executable);
    if (existsSync(candidate)) return candidate;
    throw new FoundryBinaryNotFoundError(`${tool} not found at ${candidate}`);
  } catch (error) {
    if (error instanceof FoundryBinaryNotFoundError) throw error;
    throw new FoundryBinaryNotFoundError(
      `${tool} not found: install the workspace (pnpm install) so that @foundry-rs/${tool} and ${platformPackage} exist (${(error as Error).message.split("\n")[0]})`,
    );
  }
}
