import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { TEAM } from '../../shared/policies.ts';
import { historySchema } from './audit.schemas.ts';
import { recordHistory } from './audit.service.ts';
import { presentHistory } from './history.presenter.ts';

export async function auditRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Any record's history, for staff. Members see their organisation's history on its page instead.
  r.get(
    '/api/audit/records/:recordId',
    {
      config: { access: allow(...TEAM) },
      schema: {
        summary: "Historique d'un enregistrement (qui a changé quoi, quand)",
        tags: ['audit'],
        params: z.object({ recordId: z.uuid() }),
        response: { 200: historySchema },
      },
    },
    async (request) => {
      // Staff read every field today; presented all the same, so that an audience narrower
      // than the team (or a wider route) cannot forget the history.
      const items = await withTenant(deps.database.db, caller(request), async (tx) =>
        presentHistory(await recordHistory(tx, request.params.recordId), caller(request), null),
      );
      return { items };
    },
  );
}
