import type { TestProject } from "vitest/node";
import { compileEmitter, type EmitterArtifact } from "./compile-emitter.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The Emitter fixture, compiled once per test run. */
    emitterArtifact: EmitterArtifact;
  }
}

/** Compiles the Solidity fixture once and hands it to every test file through `inject`. */
export default function setup(project: TestProject): void {
  project.provide("emitterArtifact", compileEmitter());
}
