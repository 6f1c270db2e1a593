import type { Reporter, TestModule } from "vitest/node";

/**
 * Prints one closing line that CI logs can be read by: "e2e: 3 passed, 1 failed" (", 2 skipped").
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const testModule of testModules) {
      if (testModule.state() === "failed" && [...testModule.children.allTests()].length === 0) failed += 1;
      for (const test of testModule.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed += 1;
        else if (state === "failed") failed += 1;
        else skipped += 1;
      }
    }
    failed += unhandledErrors.length;
    const skippedText = skipped > 0 ? `, ${skipped} skipped` : "";
    process.stdout.write(`\ne2e: ${passed} passed, ${failed} failed${skippedText}\n`);
  }
}
