import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { encodeErrorResult, parseAbi } from "viem";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AppCrashBoundary, PageErrorBoundary } from "./ErrorBoundaries";

let shouldThrow: unknown;

function Flaky() {
  if (shouldThrow !== undefined) throw shouldThrow;
  return <p>Page content</p>;
}

beforeEach(() => {
  // React and the boundary log caught errors; keep the test output readable.
  vi.spyOn(console, "error").mockImplementation(() => undefined);
});

afterEach(() => {
  shouldThrow = undefined;
  vi.restoreAllMocks();
});

describe("PageErrorBoundary", () => {
  it("replaces a crashed page with an explanation, and recovers on retry", async () => {
    shouldThrow = new Error("Cannot read properties of undefined (reading 'sizeUsd')");
    render(
      <>
        <nav>Navigation stays</nav>
        <PageErrorBoundary label="Positions">
          <Flaky />
        </PageErrorBoundary>
      </>,
    );
    const region = screen.getByRole("region", { name: "Positions could not be shown" });
    const alert = within(region).getByRole("alert");
    expect(alert).toHaveTextContent("Something went wrong");
    expect(alert).toHaveTextContent("Cannot read properties of undefined (reading 'sizeUsd')");
    expect(screen.getByText("Navigation stays")).toBeInTheDocument();

    shouldThrow = undefined;
    await userEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(screen.getByText("Page content")).toBeInTheDocument();
  });

  it("shows a decoded revert in words, never its bytes", () => {
    const data = encodeErrorResult({
      abi: parseAbi(["error PositionTooSmall(uint256 sizeUsd, uint256 minPositionSizeUsd)"]),
      errorName: "PositionTooSmall",
      args: [5n * 10n ** 30n, 10n * 10n ** 30n],
    });
    shouldThrow = Object.assign(new Error("execution reverted"), { name: "RawContractError", data });
    render(
      <PageErrorBoundary label="Trade">
        <Flaky />
      </PageErrorBoundary>,
    );
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Position too small");
    expect(alert).toHaveTextContent("A position of $5.00 is below this market's minimum of $10.00.");
    expect(alert.textContent).not.toContain(data.slice(0, 10));
  });
});

describe("AppCrashBoundary", () => {
  it("fills the screen with an explanation and a reload button", () => {
    shouldThrow = "provider setup failed";
    render(
      <AppCrashBoundary>
        <Flaky />
      </AppCrashBoundary>,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("provider setup failed");
    expect(screen.getByRole("button", { name: "Reload Bastion" })).toBeInTheDocument();
  });
});
