import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { increaseTime, startTestChain, type TestChain, userAt } from "../../../test/fixtures.js";
import { BastionContractError, InvalidParameterError } from "../../errors/errors.js";
import { getMarket } from "../public/getMarket.js";
import { setMaintenanceMarginFactor } from "./setMaintenanceMarginFactor.js";

const BPS = 10n ** 26n; // 0.01% with 30 decimals

describe("setMaintenanceMarginFactor", () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await startTestChain();
  });
  afterAll(async () => {
    await chain?.stop();
  });

  const set = (factor: bigint, client = chain.keeper) =>
    setMaintenanceMarginFactor(client, {
      exchange: chain.exchange,
      market: chain.deployment.ethUsdMarket,
      factor,
    });
  const refusal = (factor: bigint, client = chain.keeper) =>
    set(factor, client).then(
      () => expect.fail("the update should have been refused"),
      (error: unknown) => {
        expect(error).toBeInstanceOf(BastionContractError);
        return (error as BastionContractError).decoded.name;
      },
    );
  const currentFactor = async () =>
    (await getMarket(chain.publicClient, { exchange: chain.exchange, market: chain.deployment.ethUsdMarket }))
      .maintenanceMarginFactor;

  it("moves the factor within one step and reports the previous one", async () => {
    expect(await currentFactor()).toBe(100n * BPS);
    const { previousFactor, factor } = await set(120n * BPS);
    expect(previousFactor).toBe(100n * BPS);
    expect(factor).toBe(120n * BPS);
    expect(await currentFactor()).toBe(120n * BPS);
  });

  it("refuses a second move inside the minimum interval, a step too large, and a non-keeper", async () => {
    expect(await refusal(125n * BPS)).toBe("MaintenanceMarginUpdateTooSoon");
    await increaseTime(chain, 5 * 60);
    expect(await refusal(150n * BPS)).toBe("MaintenanceMarginStepTooLarge");
    expect(await refusal(125n * BPS, userAt(chain, 0))).toBe("AccessControlUnauthorizedAccount");
    expect(await currentFactor()).toBe(120n * BPS);
  });

  it("refuses a factor that is not a positive bigint before sending anything", async () => {
    await expect(set(0n)).rejects.toThrow(InvalidParameterError);
  });
});
