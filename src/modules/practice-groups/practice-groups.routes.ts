import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { createMeeting, takeAttendance } from './meetings.service.ts';
import {
  attendanceInputSchema,
  groupInputSchema,
  groupPatchSchema,
  idParamsSchema,
  meetingInputSchema,
  meetingParamsSchema,
  personInputSchema,
  personParamsSchema,
  personPatchSchema,
  statsQuerySchema,
} from './practice-groups.schemas.ts';
import {
  addPerson,
  createGroup,
  deleteGroup,
  getGroup,
  listGroups,
  removePerson,
  updateGroup,
  updatePerson,
} from './practice-groups.service.ts';
import { practiceGroupStats } from './stats.service.ts';

const team = allow('admin', 'staff');
const readers = allow('admin', 'staff', 'board');
// Member users read the groups their organisation's people belong to (checked in the service).
const groupReaders = allow('admin', 'staff', 'board', 'member');
const tags = ['practice-groups'];

export async function practiceGroupsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get('/api/practice-groups', { config: { access: groupReaders }, schema: { tags } }, async (request) => {
    const viewer = caller(request);
    return { items: await withTenant(db, viewer, (tx) => listGroups(tx, viewer)) };
  });
  r.get(
    '/api/practice-groups/stats',
    { config: { access: readers }, schema: { tags, querystring: statsQuerySchema } },
    async (request) => withTenant(db, caller(request), (tx) => practiceGroupStats(tx, request.query.year)),
  );
  r.post(
    '/api/practice-groups',
    { config: { access: team }, schema: { tags, body: groupInputSchema } },
    async (request, reply) =>
      reply.status(201).send(await withTenant(db, caller(request), (tx) => createGroup(tx, request.body))),
  );
  r.get(
    '/api/practice-groups/:id',
    { config: { access: groupReaders }, schema: { tags, params: idParamsSchema } },
    async (request) => {
      const viewer = caller(request);
      return withTenant(db, viewer, (tx) => getGroup(tx, request.params.id, viewer));
    },
  );
  r.patch(
    '/api/practice-groups/:id',
    { config: { access: team }, schema: { tags, params: idParamsSchema, body: groupPatchSchema } },
    async (request) =>
      withTenant(db, caller(request), (tx) => updateGroup(tx, request.params.id, request.body)),
  );
  r.delete(
    '/api/practice-groups/:id',
    { config: { access: team }, schema: { tags, params: idParamsSchema } },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => deleteGroup(tx, request.params.id));
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/practice-groups/:id/people',
    { config: { access: team }, schema: { tags, params: idParamsSchema, body: personInputSchema } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await withTenant(db, caller(request), (tx) => addPerson(tx, request.params.id, request.body))),
  );
  r.patch(
    '/api/practice-groups/:id/people/:personId',
    { config: { access: team }, schema: { tags, params: personParamsSchema, body: personPatchSchema } },
    async (request) => {
      const { id, personId } = request.params;
      return withTenant(db, caller(request), (tx) => updatePerson(tx, id, personId, request.body));
    },
  );
  r.delete(
    '/api/practice-groups/:id/people/:personId',
    { config: { access: team }, schema: { tags, params: personParamsSchema } },
    async (request, reply) => {
      const { id, personId } = request.params;
      await withTenant(db, caller(request), (tx) => removePerson(tx, id, personId));
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/practice-groups/:id/meetings',
    { config: { access: team }, schema: { tags, params: idParamsSchema, body: meetingInputSchema } },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withTenant(db, caller(request), (tx) => createMeeting(tx, request.params.id, request.body)),
        ),
  );
  r.put(
    '/api/practice-groups/:id/meetings/:actionId/attendance',
    {
      config: { access: team },
      schema: { tags, params: meetingParamsSchema, body: attendanceInputSchema },
    },
    async (request) => {
      const { id, actionId } = request.params;
      return withTenant(db, caller(request), (tx) => takeAttendance(tx, id, actionId, request.body));
    },
  );
}
