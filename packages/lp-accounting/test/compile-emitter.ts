import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import solc from "solc";
import type { Abi, Hex } from "viem";

/** ABI and creation bytecode of the Emitter fixture. */
export interface EmitterArtifact {
  /** Contract ABI as solc emits it. */
  readonly abi: Abi;
  /** Creation bytecode. */
  readonly bytecode: Hex;
}

interface SolcOutput {
  errors?: { severity: string; formattedMessage: string }[];
  contracts?: Record<string, Record<string, { abi: Abi; evm: { bytecode: { object: string } } }>>;
}

/** Compiles `test/fixtures/Emitter.sol` with solc-js (the `solc` npm package pins the compiler version). */
export function compileEmitter(): EmitterArtifact {
  const source = readFileSync(fileURLToPath(new URL("./fixtures/Emitter.sol", import.meta.url)), "utf8");
  const input = {
    language: "Solidity",
    sources: { "Emitter.sol": { content: source } },
    settings: {
      optimizer: { enabled: true, runs: 200 },
      outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input))) as SolcOutput;
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length > 0) throw new Error(`solc failed:\n${errors.map((e) => e.formattedMessage).join("\n")}`);
  const contract = output.contracts?.["Emitter.sol"]?.Emitter;
  if (contract === undefined) throw new Error("solc produced no Emitter contract");
  return { abi: contract.abi, bytecode: `0x${contract.evm.bytecode.object}` };
}
