/** POST /api/v1/cost-estimate: the estimate for one location, every component with formula, rate and source. */
import type { FastifyInstance } from 'fastify';
import { InvalidRequestError } from '../../platform/http/errors.js';
import { parseInput } from '../../platform/http/validation.js';
import type { ContentService } from '../content/index.js';
import { estimateCosts, EstimateInputError } from './estimate.js';
import { estimateRequestSchema } from './estimate.schemas.js';

export function registerEstimatorApi(api: FastifyInstance, content: ContentService): void {
  api.post('/api/v1/cost-estimate', async (request) => {
    const input = parseInput(estimateRequestSchema, request.body, 'body');
    try {
      return estimateCosts(content.store, input);
    } catch (error) {
      if (error instanceof EstimateInputError) throw new InvalidRequestError(error.message, [{ name: error.field, reason: error.message }]);
      throw error;
    }
  });
}
