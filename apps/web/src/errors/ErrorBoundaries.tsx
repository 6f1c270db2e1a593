import { Component, type ErrorInfo, type ReactNode } from "react";
import { describeError } from "./describeError";
import type { ErrorContext } from "./ErrorDescription";
import { ErrorNotice } from "./ErrorNotice";
import { useErrorContext } from "./useErrorContext";

type BoundaryProps = {
  children: ReactNode;
  context: ErrorContext;
  label: string;
  /** "page" keeps the shell around the message; "app" fills the screen and offers a reload. */
  variant: "page" | "app";
};
type BoundaryState = { error: unknown; failed: boolean };

export class ErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: undefined, failed: false };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    // Kept for developers; the person using the app sees the explanation instead.
    console.error(`${this.props.label} crashed`, error, info.componentStack);
  }

  private readonly reset = () => this.setState({ error: undefined, failed: false });

  override render() {
    if (!this.state.failed) return this.props.children;
    const description = describeError(this.state.error, this.props.context);
    if (this.props.variant === "app") {
      return (
        <main className="config-error">
          <div className="config-error__panel">
            <ErrorNotice
              description={{ ...description, action: { kind: "reload", label: "Reload Bastion" } }}
              onAction={() => window.location.reload()}
              headingLevel={2}
            />
          </div>
        </main>
      );
    }
    return (
      <section className="page-error" aria-label={`${this.props.label} could not be shown`}>
        <ErrorNotice
          description={{ ...description, action: { kind: "retry", label: "Try again" } }}
          onAction={this.reset}
        />
      </section>
    );
  }
}

/**
 * Catches anything a page throws while rendering and explains it in words, so one broken page
 * never blanks the app: the header and navigation keep working. Give it `key={pathname}` so that
 * navigating away resets it.
 */
export function PageErrorBoundary({ children, label }: { children: ReactNode; label: string }) {
  const context = useErrorContext();
  return (
    <ErrorBoundary context={context} label={label} variant="page">
      {children}
    </ErrorBoundary>
  );
}

/** Last line of defence around the whole app: a crash outside any page still gets words, not a blank screen. */
export function AppCrashBoundary({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary context={{}} label="Bastion" variant="app">
      {children}
    </ErrorBoundary>
  );
}
