export { type Deployment, InvalidDeploymentError, parseDeployment } from "./deployment.js";
export {
  bastionErrorsAbi,
  exchangeAbi,
  mockErc20Abi,
  mockPythAbi,
  poolTokenAbi,
  pythOracleAbi,
  timelockControllerAbi,
} from "./generated/abis.js";
export { DECREASE_KIND, FLOAT_ONE, ORDER_TYPE, PYTH_FEED_IDS, REQUEST_KIND, USD_DECIMALS } from "./units.js";
