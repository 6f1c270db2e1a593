import { exchangeAbi, PYTH_FEED_IDS, poolTokenAbi, pythOracleAbi } from "@bastion/contracts";
import {
  type Abi,
  type AbiEvent,
  type Address,
  encodeAbiParameters,
  encodeEventTopics,
  type Hex,
  numberToHex,
  toHex,
} from "viem";

/** A log as `eth_getLogs` returns it over JSON-RPC. */
export interface RpcLog {
  address: Address;
  blockHash: Hex;
  blockNumber: Hex;
  blockTimestamp: Hex;
  data: Hex;
  logIndex: Hex;
  transactionHash: Hex;
  transactionIndex: Hex;
  topics: Hex[];
  removed: false;
}

/** Addresses of the synthetic deployment. */
export const SYNTHETIC = {
  exchange: "0x00000000000000000000000000000000000e0001",
  oracle: "0x00000000000000000000000000000000000e0002",
  market: "0x00000000000000000000000000000000000e0003",
  weth: "0x00000000000000000000000000000000000e0004",
  usdc: "0x00000000000000000000000000000000000e0005",
} as const satisfies Record<string, Address>;

const ONE = 10n ** 30n;
const USDC_UNIT_PRICE = 10n ** 24n;
const ZERO: Address = "0x0000000000000000000000000000000000000000";

const allEvents = ([...exchangeAbi, ...poolTokenAbi, ...pythOracleAbi] as Abi).filter(
  (item): item is AbiEvent => item.type === "event",
);

function eventByName(name: string): AbiEvent {
  const event = allEvents.find((item) => item.name === name);
  if (event === undefined) throw new Error(`no event ${name} in the ABIs`);
  return event;
}

/** Encodes an event with the real ABI: topics and data exactly as the contract emits them. */
function encodeEvent(name: string, args: Record<string, unknown>): { topics: Hex[]; data: Hex } {
  const event = eventByName(name);
  const indexedArgs = Object.fromEntries(
    event.inputs.filter((i) => i.indexed).map((i) => [i.name, args[i.name ?? ""]]),
  );
  const topics = encodeEventTopics({
    abi: [event] as Abi,
    eventName: name,
    args: indexedArgs,
  } as never) as Hex[];
  const nonIndexed = event.inputs.filter((i) => !i.indexed);
  const data = encodeAbiParameters(
    nonIndexed,
    nonIndexed.map((i) => args[i.name ?? ""]),
  );
  return { topics, data };
}

/** The smaller of two bigints (`Math.min` does not take bigints). */
function smaller(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Default market configuration (the deploy script's values that matter here). */
const CONFIG = {
  fees: {
    positionFeeFactorPositiveImpact: 5n * 10n ** 26n,
    positionFeeFactorNegativeImpact: 7n * 10n ** 26n,
    liquidityFeeFactor: 3n * 10n ** 26n,
    insuranceShareFactor: 20n * 10n ** 28n,
    liquidationFeeFactor: 20n * 10n ** 26n,
  },
  impact: {
    positiveImpactFactor: 5n * 10n ** 19n,
    negativeImpactFactor: 10n ** 20n,
    maxPositiveImpactFactor: 50n * 10n ** 26n,
    maxNegativeImpactFactor: 10n ** 28n,
  },
  rates: {
    borrowingBaseRatePerSecond: (5n * 10n ** 28n) / 31_536_000n,
    borrowingSlope1PerSecond: (20n * 10n ** 28n) / 31_536_000n,
    borrowingSlope2PerSecond: (150n * 10n ** 28n) / 31_536_000n,
    optimalUtilizationFactor: 80n * 10n ** 28n,
    fundingFactorPerSecond: (50n * 10n ** 28n) / 31_536_000n,
  },
  risk: {
    maxOpenInterestLongUsd: 50_000_000n * ONE,
    maxOpenInterestShortUsd: 50_000_000n * ONE,
    reserveFactor: 90n * 10n ** 28n,
    maxPnlFactor: 90n * 10n ** 28n,
    maxPnlFactorForWithdrawals: 70n * 10n ** 28n,
    minCollateralFactor: 2n * 10n ** 28n,
    minCollateralUsd: ONE,
    minPositionSizeUsd: 10n * ONE,
  },
  safety: {
    insuranceTargetUsd: 100_000n * ONE,
    adlTriggerFactor: 70n * 10n ** 28n,
    adlTargetFactor: 50n * 10n ** 28n,
    partialLiquidationThresholdUsd: 100_000n * ONE,
    partialLiquidationFactor: 20n * 10n ** 28n,
    partialLiquidationCooldown: 30n,
  },
  margin: {
    minMaintenanceMarginFactor: 50n * 10n ** 26n,
    maxMaintenanceMarginFactor: 190n * 10n ** 26n,
    maxStep: 25n * 10n ** 26n,
    minInterval: 300n,
  },
};

interface OpenPosition {
  readonly key: Hex;
  readonly account: Address;
  readonly isLong: boolean;
  readonly sizeUsd: bigint;
  readonly tokens: bigint;
  readonly borrowingSnapshot: bigint;
  readonly fundingSnapshot: bigint;
  readonly collateral: bigint;
}

/** A synthetic exchange history: logs by block, plus what was put in. */
export interface SyntheticHistory {
  /** `logsByBlock[n]` holds block n's logs (block 0 is empty). */
  readonly logsByBlock: RpcLog[][];
  readonly totalLogs: number;
  readonly lps: readonly Address[];
}

/**
 * Builds a consistent synthetic history of one ETH/USD market with at least `targetEvents` logs,
 * every log encoded with the contracts' real ABIs: feed configuration, market creation, then blocks
 * of deposits, withdrawals (request and execution), share transfers, position increases and
 * decreases, and liquidations with shortfalls, each execution preceded by a `PriceAccepted` and
 * followed by a `PoolStateUpdated` whose supply matches the pool token's transfers. Rate indices
 * grow with time so borrowing and funding accrue.
 */
export function syntheticExchangeHistory(targetEvents: number, seed = 7): SyntheticHistory {
  const random = seeded(seed);
  const lps = Array.from({ length: 20 }, (_, i) => toHex(0x1000 + i, { size: 20 }) as Address);
  const traders = Array.from({ length: 30 }, (_, i) => toHex(0x2000 + i, { size: 20 }) as Address);
  const logsByBlock: RpcLog[][] = [[]];
  let totalLogs = 0;
  let block = 0;
  let timestamp = 1_700_000_000n;
  let requestId = 0n;
  let current: RpcLog[] = [];
  let transactionIndex = 0;

  const startBlock = (seconds: bigint): void => {
    block += 1;
    timestamp += seconds;
    current = [];
    transactionIndex = 0;
    logsByBlock.push(current);
  };
  const emit = (address: Address, name: string, args: Record<string, unknown>): void => {
    const { topics, data } = encodeEvent(name, args);
    current.push({
      address,
      blockHash: toHex((BigInt(seed) << 128n) | BigInt(block + 1), { size: 32 }),
      blockNumber: numberToHex(block),
      blockTimestamp: numberToHex(timestamp),
      data,
      logIndex: numberToHex(current.length),
      transactionHash: toHex((BigInt(block) << 32n) | BigInt(transactionIndex), { size: 32 }),
      transactionIndex: numberToHex(transactionIndex),
      topics,
      removed: false,
    });
    totalLogs++;
  };

  // Deployment: feeds, market.
  startBlock(12n);
  emit(SYNTHETIC.oracle, "FeedConfigured", {
    token: SYNTHETIC.weth,
    feedId: PYTH_FEED_IDS["ETH/USD"],
    expo: -8,
    tokenDecimals: 18,
  });
  emit(SYNTHETIC.oracle, "FeedConfigured", {
    token: SYNTHETIC.usdc,
    feedId: PYTH_FEED_IDS["USDC/USD"],
    expo: -8,
    tokenDecimals: 6,
  });
  emit(SYNTHETIC.exchange, "MarketCreated", {
    market: SYNTHETIC.market,
    indexToken: SYNTHETIC.weth,
    longToken: SYNTHETIC.weth,
    shortToken: SYNTHETIC.usdc,
  });
  emit(SYNTHETIC.exchange, "MarketConfigUpdated", { market: SYNTHETIC.market, config: CONFIG });

  let ethPrice = 3_000n * 10n ** 12n; // USD (30 decimals) per wei
  let usdcAccepted = false;
  const balances = {
    longAmount: 0n,
    shortAmount: 0n,
    insuranceLongAmount: 0n,
    insuranceShortAmount: 0n,
    collateralLongTokenAmount: 0n,
    collateralShortTokenAmount: 0n,
    escrowLongTokenAmount: 0n,
    escrowShortTokenAmount: 0n,
    claimableLongTokenAmount: 0n,
    claimableShortTokenAmount: 0n,
  };
  const openInterest = { longUsd: 0n, shortUsd: 0n, longTokens: 0n, shortTokens: 0n };
  const rates = {
    cumulativeBorrowingFactorLong: 0n,
    cumulativeBorrowingFactorShort: 0n,
    borrowingSnapshotSumLong: 0n,
    borrowingSnapshotSumShort: 0n,
    cumulativeFundingPerSizeLong: 0n,
    cumulativeFundingPerSizeShort: 0n,
    fundingSnapshotSumLong: 0n,
    fundingSnapshotSumShort: 0n,
    lastAccruedAt: timestamp,
  };
  const shares = new Map<Address, bigint>();
  let totalSupply = 0n;
  const positions: OpenPosition[] = [];
  const pendingWithdrawals: { id: bigint; account: Address; shares: bigint }[] = [];

  const accrue = (): void => {
    const elapsed = timestamp - rates.lastAccruedAt;
    if (elapsed <= 0n) return;
    const borrowRate = CONFIG.rates.borrowingBaseRatePerSecond * 3n;
    rates.cumulativeBorrowingFactorLong += borrowRate * elapsed;
    rates.cumulativeBorrowingFactorShort += borrowRate * elapsed;
    if (openInterest.longUsd > 0n && openInterest.shortUsd > 0n) {
      const payer = CONFIG.rates.fundingFactorPerSecond * elapsed;
      if (openInterest.longUsd > openInterest.shortUsd) {
        rates.cumulativeFundingPerSizeLong += payer;
        rates.cumulativeFundingPerSizeShort -= (payer * openInterest.longUsd) / openInterest.shortUsd;
      } else {
        rates.cumulativeFundingPerSizeShort += payer;
        rates.cumulativeFundingPerSizeLong -= (payer * openInterest.shortUsd) / openInterest.longUsd;
      }
    }
    rates.lastAccruedAt = timestamp;
  };
  const priceUpdate = (): void => {
    const move = BigInt(Math.floor((random() - 0.5) * 200)); // +-1%
    ethPrice = (ethPrice * (10_000n + move)) / 10_000n;
    emit(SYNTHETIC.oracle, "PriceAccepted", {
      feedId: PYTH_FEED_IDS["ETH/USD"],
      price: ethPrice,
      publishTime: timestamp,
    });
    if (!usdcAccepted) {
      usdcAccepted = true;
      emit(SYNTHETIC.oracle, "PriceAccepted", {
        feedId: PYTH_FEED_IDS["USDC/USD"],
        price: USDC_UNIT_PRICE,
        publishTime: timestamp,
      });
    }
    accrue();
  };
  const poolState = (): void => {
    emit(SYNTHETIC.exchange, "PoolStateUpdated", {
      market: SYNTHETIC.market,
      balances: { ...balances },
      openInterest: { ...openInterest },
      rates: { ...rates },
      totalSupply,
    });
    transactionIndex++;
  };
  const poolUsd = (): bigint => balances.longAmount * ethPrice + balances.shortAmount * USDC_UNIT_PRICE;
  const mint = (to: Address, amount: bigint): void => {
    shares.set(to, (shares.get(to) ?? 0n) + amount);
    totalSupply += amount;
    emit(SYNTHETIC.market, "Transfer", { from: ZERO, to, value: amount });
  };
  const move = (from: Address, to: Address, amount: bigint): void => {
    shares.set(from, (shares.get(from) ?? 0n) - amount);
    shares.set(to, (shares.get(to) ?? 0n) + amount);
    emit(SYNTHETIC.market, "Transfer", { from, to, value: amount });
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const holders = (): Address[] => lps.filter((lp) => (shares.get(lp) ?? 0n) > 10n ** 18n);

  const deposit = (): void => {
    const account = pick(lps);
    const longAmount = BigInt(Math.floor(random() * 20 + 1)) * 10n ** 18n;
    const shortAmount = BigInt(Math.floor(random() * 60_000 + 1_000)) * 10n ** 6n;
    priceUpdate();
    const usd = longAmount * ethPrice + shortAmount * USDC_UNIT_PRICE;
    const fee = (usd * CONFIG.fees.liquidityFeeFactor) / ONE;
    const value = poolUsd();
    const minted = ((usd - fee) * (totalSupply + 10n ** 18n)) / (value + ONE);
    requestId++;
    mint(account, minted);
    emit(SYNTHETIC.exchange, "DepositExecuted", {
      id: requestId,
      account,
      market: SYNTHETIC.market,
      longTokenAmount: longAmount,
      shortTokenAmount: shortAmount,
      sharesMinted: minted,
      feeUsd: fee,
      poolValueUsd: value,
      totalSupplyBefore: totalSupply - minted,
    });
    balances.longAmount += longAmount;
    balances.shortAmount += shortAmount;
    poolState();
  };
  const requestWithdrawal = (): void => {
    const candidates = holders();
    if (candidates.length === 0) {
      deposit();
      return;
    }
    const account = pick(candidates);
    const amount = (shares.get(account) ?? 0n) / 3n;
    requestId++;
    move(account, SYNTHETIC.market, amount);
    emit(SYNTHETIC.exchange, "WithdrawalCreated", {
      id: requestId,
      account,
      market: SYNTHETIC.market,
      shares: amount,
      minLongTokenAmount: 0n,
      minShortTokenAmount: 0n,
      executionFee: 10n ** 14n,
    });
    transactionIndex++;
    pendingWithdrawals.push({ id: requestId, account, shares: amount });
  };
  const executeWithdrawal = (): void => {
    const request = pendingWithdrawals.shift();
    if (request === undefined) {
      deposit();
      return;
    }
    priceUpdate();
    const value = poolUsd();
    const out = (request.shares * value) / totalSupply;
    const longAmount = out / 2n / ethPrice < balances.longAmount ? out / 2n / ethPrice : 0n;
    const shortAmount = out / 2n / USDC_UNIT_PRICE < balances.shortAmount ? out / 2n / USDC_UNIT_PRICE : 0n;
    shares.set(SYNTHETIC.market, (shares.get(SYNTHETIC.market) ?? 0n) - request.shares);
    totalSupply -= request.shares;
    emit(SYNTHETIC.market, "Transfer", { from: SYNTHETIC.market, to: ZERO, value: request.shares });
    balances.longAmount -= longAmount;
    balances.shortAmount -= shortAmount;
    emit(SYNTHETIC.exchange, "WithdrawalExecuted", {
      id: request.id,
      account: request.account,
      market: SYNTHETIC.market,
      sharesBurned: request.shares,
      longTokenAmount: longAmount,
      shortTokenAmount: shortAmount,
      feeUsd: (out * CONFIG.fees.liquidityFeeFactor) / ONE,
      poolValueUsd: value,
      totalSupplyBefore: totalSupply + request.shares,
    });
    poolState();
  };
  const transfer = (): void => {
    const candidates = holders();
    if (candidates.length === 0) {
      deposit();
      return;
    }
    const from = pick(candidates);
    const to = pick(lps);
    if (from === to) return;
    move(from, to, (shares.get(from) ?? 0n) / 5n);
    transactionIndex++;
  };
  const increase = (): void => {
    if (poolUsd() === 0n) {
      deposit();
      return;
    }
    const isLong = random() < 0.55;
    const sizeUsd = BigInt(Math.floor(random() * 40_000 + 500)) * ONE;
    const reserved = isLong ? openInterest.longTokens * ethPrice : openInterest.shortUsd;
    const side = isLong ? balances.longAmount * ethPrice : balances.shortAmount * USDC_UNIT_PRICE;
    if ((reserved + sizeUsd) * 2n > side) {
      decrease();
      return;
    }
    priceUpdate();
    const account = pick(traders);
    const tokens = sizeUsd / ethPrice;
    const fee = (sizeUsd * CONFIG.fees.positionFeeFactorNegativeImpact) / ONE;
    const feeUnits = fee / USDC_UNIT_PRICE + 1n;
    const insurance = feeUnits / 5n;
    const collateral = sizeUsd / 10n / USDC_UNIT_PRICE;
    const key = toHex(BigInt(positions.length + 1) * 7919n + BigInt(block), { size: 32 });
    if (isLong) {
      openInterest.longUsd += sizeUsd;
      openInterest.longTokens += tokens;
      rates.borrowingSnapshotSumLong += sizeUsd * rates.cumulativeBorrowingFactorLong;
      rates.fundingSnapshotSumLong += sizeUsd * rates.cumulativeFundingPerSizeLong;
    } else {
      openInterest.shortUsd += sizeUsd;
      openInterest.shortTokens += tokens;
      rates.borrowingSnapshotSumShort += sizeUsd * rates.cumulativeBorrowingFactorShort;
      rates.fundingSnapshotSumShort += sizeUsd * rates.cumulativeFundingPerSizeShort;
    }
    positions.push({
      key,
      account,
      isLong,
      sizeUsd,
      tokens,
      borrowingSnapshot: isLong ? rates.cumulativeBorrowingFactorLong : rates.cumulativeBorrowingFactorShort,
      fundingSnapshot: isLong ? rates.cumulativeFundingPerSizeLong : rates.cumulativeFundingPerSizeShort,
      collateral,
    });
    balances.shortAmount += feeUnits - insurance;
    balances.insuranceShortAmount += insurance;
    balances.collateralShortTokenAmount += collateral - feeUnits;
    const impact = -((sizeUsd * sizeUsd) / 10n ** 40n);
    emit(SYNTHETIC.exchange, "PositionIncreased", {
      positionKey: key,
      account,
      market: SYNTHETIC.market,
      orderId: requestId,
      collateralToken: SYNTHETIC.usdc,
      isLong,
      change: {
        sizeDeltaUsd: sizeUsd,
        sizeDeltaInTokens: tokens,
        executionPrice: ethPrice,
        collateralDeltaAmount: collateral,
        sizeUsdAfter: sizeUsd,
        collateralAmountAfter: collateral - feeUnits,
      },
      amounts: {
        realizedPnlUsd: 0n,
        priceImpactUsd: impact,
        positionFeeUsd: fee,
        borrowingFeeUsd: 0n,
        fundingFeeUsd: 0n,
      },
    });
    emit(SYNTHETIC.exchange, "FeesCollected", {
      market: SYNTHETIC.market,
      token: SYNTHETIC.usdc,
      positionFeeUsd: fee,
      borrowingFeeUsd: 0n,
      liquidationFeeAmount: 0n,
      toInsuranceAmount: insurance,
      toLiquidatorAmount: 0n,
    });
    poolState();
  };
  const decrease = (liquidation = false): void => {
    if (positions.length === 0) {
      increase();
      return;
    }
    const index = Math.floor(random() * positions.length);
    const position = positions[index] as OpenPosition;
    positions.splice(index, 1);
    priceUpdate();
    const borrowing = position.isLong
      ? rates.cumulativeBorrowingFactorLong
      : rates.cumulativeBorrowingFactorShort;
    const fundingIndex = position.isLong
      ? rates.cumulativeFundingPerSizeLong
      : rates.cumulativeFundingPerSizeShort;
    const borrowingFee = (position.sizeUsd * (borrowing - position.borrowingSnapshot)) / ONE;
    const fundingFee = (position.sizeUsd * (fundingIndex - position.fundingSnapshot)) / ONE;
    const value = position.tokens * ethPrice;
    let pnl = position.isLong ? value - position.sizeUsd : position.sizeUsd - value;
    if (liquidation) pnl = -(position.collateral * USDC_UNIT_PRICE) - position.sizeUsd / 50n;
    const fee = (position.sizeUsd * CONFIG.fees.positionFeeFactorNegativeImpact) / ONE;
    if (position.isLong) {
      openInterest.longUsd -= position.sizeUsd;
      openInterest.longTokens -= position.tokens;
      rates.borrowingSnapshotSumLong -= position.sizeUsd * position.borrowingSnapshot;
      rates.fundingSnapshotSumLong -= position.sizeUsd * position.fundingSnapshot;
    } else {
      openInterest.shortUsd -= position.sizeUsd;
      openInterest.shortTokens -= position.tokens;
      rates.borrowingSnapshotSumShort -= position.sizeUsd * position.borrowingSnapshot;
      rates.fundingSnapshotSumShort -= position.sizeUsd * position.fundingSnapshot;
    }
    const net = pnl - fee - borrowingFee - fundingFee;
    const netUnits = net / USDC_UNIT_PRICE;
    let shortfall = 0n;
    let covered = 0n;
    if (netUnits > 0n) {
      balances.shortAmount -= netUnits < balances.shortAmount ? netUnits : balances.shortAmount;
    } else {
      const loss = -netUnits;
      const fromCollateral = smaller(loss, position.collateral);
      balances.shortAmount += fromCollateral;
      shortfall = (loss - fromCollateral) * USDC_UNIT_PRICE;
      if (shortfall > 0n) {
        const coverUnits = balances.insuranceShortAmount / 2n;
        covered = coverUnits * USDC_UNIT_PRICE > shortfall ? shortfall : coverUnits * USDC_UNIT_PRICE;
        const coveredUnits = covered / USDC_UNIT_PRICE;
        covered = coveredUnits * USDC_UNIT_PRICE;
        balances.insuranceShortAmount -= coveredUnits;
        balances.shortAmount += coveredUnits;
        emit(SYNTHETIC.exchange, "ShortfallRecorded", {
          market: SYNTHETIC.market,
          positionKey: position.key,
          account: position.account,
          indexPrice: ethPrice,
          shortfallUsd: shortfall,
          coveredByInsuranceUsd: covered,
          absorbedByLpUsd: shortfall - covered,
          insuranceLongAmount: 0n,
          insuranceShortAmount: coveredUnits,
        });
      }
    }
    balances.collateralShortTokenAmount -=
      balances.collateralShortTokenAmount < position.collateral
        ? balances.collateralShortTokenAmount
        : position.collateral;
    emit(SYNTHETIC.exchange, "PositionDecreased", {
      positionKey: position.key,
      account: position.account,
      market: SYNTHETIC.market,
      orderId: requestId,
      kind: liquidation ? 1 : 0,
      collateralToken: SYNTHETIC.usdc,
      isLong: position.isLong,
      change: {
        sizeDeltaUsd: position.sizeUsd,
        sizeDeltaInTokens: position.tokens,
        executionPrice: ethPrice,
        collateralDeltaAmount: 0n,
        sizeUsdAfter: 0n,
        collateralAmountAfter: 0n,
      },
      amounts: {
        realizedPnlUsd: pnl,
        priceImpactUsd: 0n,
        positionFeeUsd: fee,
        borrowingFeeUsd: borrowingFee,
        fundingFeeUsd: fundingFee,
      },
      profitLongTokenAmount: 0n,
      profitShortTokenAmount: netUnits > 0n ? netUnits : 0n,
    });
    emit(SYNTHETIC.exchange, "FeesCollected", {
      market: SYNTHETIC.market,
      token: SYNTHETIC.usdc,
      positionFeeUsd: fee,
      borrowingFeeUsd: borrowingFee,
      liquidationFeeAmount: 0n,
      toInsuranceAmount: 0n,
      toLiquidatorAmount: 0n,
    });
    poolState();
    if (liquidation) {
      emit(SYNTHETIC.exchange, "PositionLiquidated", {
        positionKey: position.key,
        account: position.account,
        market: SYNTHETIC.market,
        liquidator: pick(traders),
        isPartial: false,
        sizeClosedUsd: position.sizeUsd,
        indexPrice: ethPrice,
        remainingCollateralUsd: -shortfall,
        maintenanceMarginUsd: position.sizeUsd / 100n,
      });
    }
  };

  while (totalLogs < targetEvents) {
    startBlock(BigInt(Math.floor(random() * 600 + 2)));
    const roll = random();
    if (roll < 0.12) deposit();
    else if (roll < 0.17) requestWithdrawal();
    else if (roll < 0.22) executeWithdrawal();
    else if (roll < 0.26) transfer();
    else if (roll < 0.6) increase();
    else if (roll < 0.97) decrease();
    else decrease(true);
  }
  return { logsByBlock, totalLogs, lps };
}
