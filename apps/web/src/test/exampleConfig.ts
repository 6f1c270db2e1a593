import exampleConfigJson from "../../config.example.json";
import type { AppConfig } from "../config/appConfigSchema";
import { parseAppConfig } from "../config/loadAppConfig";

/** config.example.json as raw JSON (to break in tests) and validated. */
export const exampleConfigJsonValue: unknown = exampleConfigJson;

export function exampleAppConfig(): AppConfig {
  const result = parseAppConfig(structuredClone(exampleConfigJson));
  if (!result.ok) throw new Error(`config.example.json is invalid: ${result.failure.summary}`);
  return result.config;
}
