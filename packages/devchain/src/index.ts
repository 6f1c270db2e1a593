export {
  ANVIL_DEV_ACCOUNTS,
  ANVIL_DEV_MNEMONIC,
  type AnvilDevAccount,
  type AnvilInstance,
  AnvilStartError,
  resolveAnvilBinary,
  type StartAnvilOptions,
  startAnvil,
} from "./anvil.js";
export {
  buildDevchainState,
  DEVCHAIN_DEPLOYMENT_FILE,
  DEVCHAIN_STATE_FILE,
  DeployScriptError,
  REPO_ROOT,
} from "./buildDevchainState.js";
export { DEV_ACCOUNTS } from "./devAccounts.js";
export { FoundryBinaryNotFoundError, resolveFoundryBinary } from "./foundryBinary.js";
export {
  decimalToMantissa,
  LOCAL_PYTH_EXPO,
  type LocalPrices,
  localPriceUpdate,
} from "./localPriceUpdate.js";
export {
  DEFAULT_MOCK_PYTH_ARTIFACT_PATH,
  type DeployMockPythParameters,
  decodeMockPythUpdate,
  deployMockPyth,
  encodeMockPythUpdate,
  loadMockPythArtifact,
  type MockPythArtifact,
  type MockPythUpdate,
  type MockPythUpdateParameters,
  mockPythUpdateAbiParameters,
  type PythPrice,
} from "./mockPyth.js";
export { installMulticall3, MULTICALL3_ADDRESS } from "./multicall3.js";
export { type Devchain, DevchainNotBuiltError, localChain, startDevchain } from "./startDevchain.js";
