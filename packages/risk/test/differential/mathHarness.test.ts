/**
 * Differential test (a): every pure formula of contracts/src/libraries against the deployed
 * MathHarness, on fuzzed inputs within realistic bounds (FixedPoint over the whole uint256/int256
 * range), values and reverts compared exactly. Reproduce a failure with the seed and path fast-check
 * prints: FC_SEED=<seed> FC_PATH=<path> pnpm --filter @bastion/risk test mathHarness
 */

import fc from "fast-check";
import type { AbiFunction } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployHarness, type HarnessChain, harnessArtifact } from "./harness.js";
import { MATH_CASES } from "./mathCases.js";
import { mirrorOutcome, sameOutcome, show } from "./outcome.js";

/** Inputs per multicall, and multicalls per function: 4 x 50 = 200 cases per function. */
const BATCH = 50;
const RUNS = Number(process.env.FC_RUNS ?? 4);
const SEED = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const PATH = process.env.FC_PATH;

const stats = { cases: 0, mismatches: 0, reverts: 0, functions: 0 };

describe.skipIf(harnessArtifact === undefined)(
  "mirror vs MathHarness (skipped when @bastion/contracts/testing has no mathHarness: build the contracts)",
  () => {
    let chain: HarnessChain;

    beforeAll(async () => {
      if (harnessArtifact === undefined) return;
      chain = await deployHarness(harnessArtifact);
    }, 60_000);

    afterAll(async () => {
      await chain?.stop();
      console.log(
        `[differential:math] ${stats.functions} functions, ${stats.cases} cases (${stats.reverts} expected reverts), ${stats.mismatches} mismatches`,
      );
    });

    it("covers every harness function", () => {
      const harnessFunctions = (harnessArtifact?.abi ?? [])
        .filter((item): item is AbiFunction => item.type === "function")
        .map((item) => item.name)
        .sort();
      expect(MATH_CASES.map((c) => c.functionName).sort()).toEqual(harnessFunctions);
    });

    for (const mathCase of MATH_CASES) {
      it(mathCase.functionName, async () => {
        stats.functions += 1;
        await fc.assert(
          fc.asyncProperty(fc.array(mathCase.args, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
            const onChain = await chain.callAll(
              batch.map((args) => ({ functionName: mathCase.functionName, args })),
            );
            for (const [i, args] of batch.entries()) {
              stats.cases += 1;
              const expected = onChain[i];
              const actual = mirrorOutcome(() => mathCase.mirror(...(args as never[])));
              if (expected === undefined || !sameOutcome(actual, expected)) {
                stats.mismatches += 1;
                throw new Error(
                  `${mathCase.functionName}(${show(args)})\n  contract: ${show(expected)}\n  mirror:   ${show(actual)}`,
                );
              }
              if (!expected.ok) stats.reverts += 1;
            }
          }),
          {
            numRuns: RUNS,
            ...(SEED === undefined ? {} : { seed: SEED }),
            ...(PATH === undefined ? {} : { path: PATH }),
          },
        );
      }, 120_000);
    }
  },
);
