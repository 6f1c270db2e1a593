import type { z } from "zod";
import { type AppConfig, appConfigSchema } from "./appConfigSchema";

export const APP_CONFIG_PATH = "/config.json";

/** One reason why config.json was rejected, naming the field ("markets[0].address"). */
export type ConfigProblem = { field: string; message: string };

export type AppConfigLoadFailure = {
  kind: "unreachable" | "missing" | "not-json" | "invalid";
  /** One sentence for the page heading's detail. */
  summary: string;
  /** Field-by-field problems (only for "invalid"). */
  problems: readonly ConfigProblem[];
};

export type AppConfigLoadResult =
  | { ok: true; config: AppConfig }
  | { ok: false; failure: AppConfigLoadFailure };

/** "markets.0.address" -> "markets[0].address". */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(top level)";
  return path.reduce<string>((text, key) => {
    if (typeof key === "number") return `${text}[${key}]`;
    const name = String(key);
    return text === "" ? name : `${text}.${name}`;
  }, "");
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): ConfigProblem[] {
  return issues.map((issue) => ({ field: formatIssuePath(issue.path), message: issue.message }));
}

/** Validates an already parsed config.json value. */
export function parseAppConfig(value: unknown): AppConfigLoadResult {
  const result = appConfigSchema.safeParse(value);
  if (result.success) return { ok: true, config: result.data };
  const problems = describeIssues(result.error.issues);
  const fields = [...new Set(problems.map((problem) => problem.field))].join(", ");
  return {
    ok: false,
    failure: { kind: "invalid", summary: `config.json has invalid fields: ${fields}.`, problems },
  };
}

/**
 * Fetches and validates the runtime configuration. Never throws: every way it can go wrong comes
 * back as a failure the config error page can explain.
 */
export async function loadAppConfig(
  fetchFn: typeof fetch = globalThis.fetch,
  url: string = APP_CONFIG_PATH,
): Promise<AppConfigLoadResult> {
  let response: Response;
  try {
    // Asking for JSON keeps dev servers from answering a missing file with index.html.
    response = await fetchFn(url, { headers: { Accept: "application/json" }, cache: "no-store" });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      failure: { kind: "unreachable", summary: `Could not fetch ${url}: ${reason}.`, problems: [] },
    };
  }
  if (response.status === 404) {
    return {
      ok: false,
      failure: { kind: "missing", summary: `${url} was not found (HTTP 404).`, problems: [] },
    };
  }
  if (!response.ok) {
    return {
      ok: false,
      failure: { kind: "unreachable", summary: `${url} answered HTTP ${response.status}.`, problems: [] },
    };
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      failure: { kind: "unreachable", summary: `Reading ${url} failed: ${reason}.`, problems: [] },
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const looksLikeHtml = /^\s*</.test(text);
    const reason = looksLikeHtml
      ? "the server sent an HTML page instead (the file is probably missing)"
      : error instanceof Error
        ? error.message
        : String(error);
    return {
      ok: false,
      failure: { kind: "not-json", summary: `${url} is not valid JSON: ${reason}.`, problems: [] },
    };
  }
  return parseAppConfig(value);
}
