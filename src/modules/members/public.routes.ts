import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/client.ts';
import { PUBLIC } from '../../server/access.ts';
import type { AppDeps } from '../../server/app.ts';
import { resolvePublicDelegation } from '../delegations/delegations.service.ts';
import { listPublicStructures, todayInFrance } from './members.queries.ts';
import {
  memberStatsQuerySchema,
  memberStatsSchema,
  publicStructuresQuerySchema,
  publicStructuresSchema,
} from './members.schemas.ts';
import { memberStats } from './members.stats.ts';

/**
 * The public site's member data: directory and key figures, for anyone. Reads run as
 * the app role in the resolved delegation with no user, so row-level security still
 * scopes them, and the response schemas let only public fields through.
 */
export async function publicRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/public/structures',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['public'],
        querystring: publicStructuresQuerySchema,
        response: { 200: publicStructuresSchema },
      },
    },
    async (request) => {
      const { delegation: slug, ...filters } = request.query;
      const delegation = await resolvePublicDelegation(db, slug, deps.config.DEFAULT_DELEGATION);
      const items = await withTenant(db, { delegationId: delegation.id, userId: null }, (tx) =>
        listPublicStructures(tx, filters),
      );
      return { items, total: items.length };
    },
  );

  r.get(
    '/api/public/stats/members',
    {
      config: { access: PUBLIC },
      schema: { tags: ['public'], querystring: memberStatsQuerySchema, response: { 200: memberStatsSchema } },
    },
    async (request) => {
      const year = request.query.year ?? Number(todayInFrance().slice(0, 4));
      const delegation = await resolvePublicDelegation(
        db,
        request.query.delegation,
        deps.config.DEFAULT_DELEGATION,
      );
      return withTenant(db, { delegationId: delegation.id, userId: null }, (tx) => memberStats(tx, year));
    },
  );
}
