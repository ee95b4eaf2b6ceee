import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { message } from '../../i18n/messages.ts';
import { PUBLIC } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { AppError } from '../../server/errors.ts';
import { createUserWithPassword } from '../accounts/accounts.service.ts';
import { users } from '../accounts/accounts.table.ts';
import { delegationSummarySchema, setupInputSchema, setupStatusSchema } from './delegations.schemas.ts';
import { checkNewDelegation, createFirstDelegation, hasNoDelegation } from './delegations.service.ts';
import { SetupGate } from './setup.gate.ts';

/**
 * The first run in the browser. `GET /api/setup` tells the web app whether to lead every
 * page to the set-up page; `POST /api/setup` creates the delegation and its administrator
 * with the one-time code the server printed at start (see setup.gate.ts). Throttled per
 * address on top of the gate's own limit of wrong codes.
 */
export async function setupRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const gate = deps.setupGate ?? new SetupGate(null);

  r.get(
    '/api/setup',
    {
      // No input and no access check: only the request guard's refusals, as any request.
      config: { access: PUBLIC, errors: ['request.url_too_long', 'request.headers_too_large'] },
      schema: {
        summary: 'Dit si le premier lancement reste à faire',
        tags: ['setup'],
        response: { 200: setupStatusSchema },
      },
    },
    async () => ({ needed: await hasNoDelegation(db) }),
  );

  r.post(
    '/api/setup',
    {
      config: {
        access: PUBLIC,
        rateLimit: {
          max: 5,
          timeWindow: 15 * 60_000,
          // Thrown by the plugin, then answered as any coded error.
          errorResponseBuilder: () => new AppError('setup.rate_limited'),
        },
        errors: [
          'setup.closed',
          'setup.unavailable',
          'setup.busy',
          'setup.code_invalid',
          'setup.rate_limited',
          'validation.failed',
          'auth.password_too_short',
        ],
      },
      schema: {
        summary: 'Premier lancement : crée la délégation et son administrateur',
        tags: ['setup'],
        body: setupInputSchema,
        response: { 201: delegationSummarySchema },
      },
    },
    async (request, reply) => {
      if (!(await hasNoDelegation(db))) {
        gate.close();
        throw new AppError('setup.closed');
      }
      if (!gate.open) throw new AppError('setup.unavailable');
      const claimed = gate.claim(request.body.code);
      if (claimed === 'closed') throw new AppError('setup.unavailable');
      if (claimed === 'busy') throw new AppError('setup.busy');
      if (claimed === 'wrong')
        throw new AppError('setup.code_invalid', {
          fields: [{ field: 'code', code: 'setup.code_invalid', message: message('setup.code_invalid') }],
        });
      let userId: string | null = null;
      try {
        const body = request.body;
        const checked = await checkNewDelegation(db, body);
        const adminName = body.adminName.trim();
        if (!adminName)
          throw new AppError('validation.failed', {
            fields: [
              {
                field: 'adminName',
                code: 'delegations.admin_name_required',
                message: message('delegations.admin_name_required'),
              },
            ],
          });
        const [taken] = await db
          .select({ id: users.id })
          .from(users)
          .where(eq(users.email, checked.adminEmail));
        if (taken)
          throw new AppError('validation.failed', {
            fields: [
              { field: 'adminEmail', code: 'setup.email_taken', message: message('setup.email_taken') },
            ],
          });
        userId = await createUserWithPassword(deps.auth, {
          email: checked.adminEmail,
          name: adminName,
          password: body.password,
        });
        const delegation = await createFirstDelegation(db, checked, userId);
        gate.close();
        request.log.info({ delegation: delegation.slug }, 'first run done: set-up code spent');
        return reply.status(201).send(delegation);
      } catch (error) {
        // Nothing half-made stays behind: the account goes if its delegation could not be made.
        if (userId) await db.delete(users).where(eq(users.id, userId));
        gate.release();
        throw error;
      }
    },
  );
}
