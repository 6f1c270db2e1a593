// Build step of @bastion/devchain: deploys the exchange to a fresh anvil and keeps its state.
import { buildDevchainState, DEVCHAIN_STATE_DIR } from "./buildDevchainState.js";

const deployment = await buildDevchainState();
console.log(
  `devchain: deployed exchange ${deployment.exchange} (chain ${deployment.chainId}) into ${DEVCHAIN_STATE_DIR}`,
);
