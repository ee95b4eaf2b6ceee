import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/client.ts';
import { caller, SIGNED_IN } from '../../server/access.ts';
import type { AppDeps } from '../../server/app.ts';
import { listBoard, listStaff } from './governance.service.ts';

export async function governanceRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/governance/board',
    { config: { access: SIGNED_IN }, schema: { tags: ['governance'] } },
    async (request) => ({
      items: await withTenant(deps.database.db, caller(request), (tx) => listBoard(tx)),
    }),
  );
  r.get(
    '/api/governance/staff',
    { config: { access: SIGNED_IN }, schema: { tags: ['governance'] } },
    async (request) => ({
      items: await withTenant(deps.database.db, caller(request), (tx) => listStaff(tx)),
    }),
  );
}
