export { describeLocalnet } from "./describeLocalnet.js";
export { type Localnet, type StartLocalnetOptions, startLocalnet } from "./startLocalnet.js";
