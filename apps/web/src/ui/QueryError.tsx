import { describeError } from "../errors/describeError";
import { ErrorNotice } from "../errors/ErrorNotice";
import { useErrorContext } from "../errors/useErrorContext";

/** A failed read explained in words, with a retry when one helps. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const context = useErrorContext();
  return (
    <ErrorNotice
      description={describeError(error, context)}
      headingLevel={3}
      {...(onRetry === undefined ? {} : { onAction: onRetry })}
    />
  );
}
