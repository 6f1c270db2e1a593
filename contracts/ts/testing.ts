/** Test-only artifacts with bytecode (the math harness for differential tests, mock tokens). */
export { mathHarness, mockErc20 } from "./generated/testing.js";
