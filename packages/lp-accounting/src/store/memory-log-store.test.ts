import { describeLogStoreConformance } from "../../test/log-store-conformance.js";
import { MemoryLogStore } from "./memory-log-store.js";

describeLogStoreConformance("MemoryLogStore", () => new MemoryLogStore());
