import { existsSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "@bastion/devchain";

/** Thrown when the web app has not been built. */
export class WebAppNotBuiltError extends Error {
  override name = "WebAppNotBuiltError";
}

/** Where the built web app is by default: the workspace's `apps/web/dist`. */
export const DEFAULT_WEB_DIST = join(REPO_ROOT, "apps", "web", "dist");

/**
 * The directory of the built web app: `$BASTION_WEB_DIST`, or the workspace's `apps/web/dist`.
 * (`@bastion/web` is not a dependency of this package: the web app's tests start the local exchange,
 * so the dependency would be a cycle; `pnpm start` builds it first.) Throws a
 * {@link WebAppNotBuiltError} saying how to build it when `index.html` is missing.
 */
export function resolveWebDist(directory?: string): string {
  directory ??= process.env.BASTION_WEB_DIST || DEFAULT_WEB_DIST;
  if (!existsSync(join(directory, "index.html"))) {
    throw new WebAppNotBuiltError(
      `the web app is not built (${join(directory, "index.html")} is missing); build it with ` +
        "`pnpm --filter @bastion/web build`, or start without it: --no-web",
    );
  }
  return directory;
}
