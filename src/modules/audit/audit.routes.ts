import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { AppDeps } from '../../server/app.ts';
import { recordHistory } from './audit.service.ts';

export async function auditRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Any record's history, for staff. Members see their organisation's history on its page instead.
  r.get(
    '/api/audit/records/:recordId',
    {
      config: { access: allow('admin', 'staff') },
      schema: { tags: ['audit'], params: z.object({ recordId: z.uuid() }) },
    },
    async (request) => {
      const items = await withTenant(deps.database.db, caller(request), (tx) =>
        recordHistory(tx, request.params.recordId),
      );
      return { items };
    },
  );
}
