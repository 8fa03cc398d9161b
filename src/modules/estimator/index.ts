/** Public surface of the estimator module: other modules import only from here. */
import type { AppModule } from '../module.js';
import { registerEstimatorPages } from './estimator.pages.js';
import { registerEstimatorApi } from './estimator.api.js';
export { estimateRequestSchema } from './estimate.schemas.js';
export { EstimateInputError, estimateCosts, type Estimate } from './estimate.js';
export { multiplyToWholeYuan, multiplyToYuan } from './money.js';
export { t as tEstimator } from './messages.js';

export const estimatorModule: AppModule = {
  name: 'estimator',
  routes: async (app, deps) => registerEstimatorPages(app, deps.pages, deps.content),
  api: async (api, deps) => registerEstimatorApi(api, deps.content),
};
