import { fieldLabel } from "./fields.js";

/** One bad configuration field. */
export interface ConfigIssue {
  /** The field's key, e.g. `rpcUrl` or `privateKeys[1]`. */
  field: string;
  message: string;
}

/** The configuration is invalid; `issues` names every bad field (values of secrets are never shown). */
export class KeeperConfigError extends Error {
  override name = "KeeperConfigError";
  constructor(readonly issues: readonly ConfigIssue[]) {
    super(
      `invalid keeper configuration:\n${issues
        .map((issue) => `  - ${labelOf(issue.field)}: ${issue.message}`)
        .join("\n")}`,
    );
  }
}

function labelOf(field: string): string {
  const match = /^([A-Za-z]+)(.*)$/.exec(field);
  if (!match) return field;
  const [, key = field, rest = ""] = match;
  return rest === "" ? fieldLabel(key) : `${key}${rest} (${fieldLabel(key).slice(key.length + 2, -1)})`;
}
