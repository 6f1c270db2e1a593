import { useEffect, useRef } from "react";
import { APP_CONFIG_PATH, type AppConfigLoadFailure } from "./loadAppConfig";

const HINTS: Record<AppConfigLoadFailure["kind"], string> = {
  missing:
    "Start the local exchange (it writes config.json), or copy apps/web/config.example.json to apps/web/public/config.json.",
  "not-json": "Fix the JSON syntax, or write the file again with the local exchange launcher.",
  invalid: "Fix these fields; apps/web/README.md describes each one.",
  unreachable: "Check that the server that hosts the app is running, then reload.",
};

/** Full-page explanation of why the app cannot start: shown instead of a blank screen. */
export function ConfigErrorPage({ failure }: { failure: AppConfigLoadFailure }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
    document.title = "Configuration error · Bastion";
  }, []);

  return (
    <main className="config-error" aria-labelledby="config-error-title">
      <div className="config-error__panel" role="alert">
        <h1 id="config-error-title" ref={headingRef} tabIndex={-1}>
          Bastion can't start: the app configuration is{" "}
          {failure.kind === "invalid" ? "invalid" : "unavailable"}
        </h1>
        <p>{failure.summary}</p>
        {failure.problems.length > 0 && (
          <ul className="config-error__problems" aria-label="Problems in config.json">
            {failure.problems.map((problem) => (
              <li key={`${problem.field}: ${problem.message}`}>
                <code>{problem.field}</code>: {problem.message}
              </li>
            ))}
          </ul>
        )}
        <p className="config-error__hint">{HINTS[failure.kind]}</p>
        <p className="config-error__hint">
          The app reads <code>{APP_CONFIG_PATH}</code> when it starts.{" "}
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </p>
      </div>
    </main>
  );
}
