import type { ErrorDescription } from "./ErrorDescription";

export type ErrorNoticeProps = {
  description: ErrorDescription;
  /** Runs the description's action (retry, switch network, …); without it no button is shown. */
  onAction?: () => void;
  headingLevel?: 2 | 3;
};

/** An error explained in words, with at most one next step. Announced at once (role="alert"). */
export function ErrorNotice({ description, onAction, headingLevel = 2 }: ErrorNoticeProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="error-notice" role="alert">
      <Heading className="error-notice__title">{description.title}</Heading>
      <p className="error-notice__detail">{description.detail}</p>
      {description.action !== undefined && onAction !== undefined && (
        <button type="button" className="button" onClick={onAction}>
          {description.action.label}
        </button>
      )}
    </div>
  );
}
