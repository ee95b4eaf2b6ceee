import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { AppDeps } from '../../server/app.ts';
import type { ReadCache } from '../../server/read-cache.ts';
import { IMPORT_FIELDS } from './import.mapping.ts';
import { MAX_IMPORT_BYTES } from './import.parse.ts';
import {
  analyseImport,
  commitImport,
  ImportBlocked,
  listMappings,
  presentAnalysis,
  saveMapping,
} from './import.service.ts';

const team = allow('admin', 'staff');
const tags = ['members'];

const fileQuerySchema = z.object({
  filename: z.string().max(255).optional(),
  mapping: z.string().max(20_000).optional(),
});
const problemSchema = z.object({
  line: z.number(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});
const planLineSchema = z.object({
  line: z.number(),
  name: z.string(),
  siret: z.string().nullable(),
  fields: z.array(z.string()).optional(),
});
const mappingSchema = z.record(z.string().max(200), z.enum(IMPORT_FIELDS));
const previewSchema = z.object({
  format: z.enum(['csv', 'xlsx']),
  encoding: z.enum(['utf-8', 'utf-8-bom', 'windows-1252']).nullable(),
  delimiter: z.enum([';', ',']).nullable(),
  headers: z.array(z.string()),
  mapping: mappingSchema,
  rows: z.number(),
  plan: z.object({ create: z.array(planLineSchema), update: z.array(planLineSchema) }),
  problems: z.array(problemSchema),
});
const savedMappingSchema = z.object({
  id: z.string(),
  name: z.string(),
  mapping: z.record(z.string(), z.string()),
});
const blockedSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), problems: z.array(problemSchema) }),
});

/**
 * Member import: the file is the raw request body (any content type, up to 20 MB), its
 * name in `?filename=` tells CSV from XLSX, `?mapping=` is JSON or a saved mapping's name.
 */
export async function importRoutes(app: FastifyInstance, deps: AppDeps & { registryCache: ReadCache }) {
  const db = deps.database.db;

  // Raw bodies only inside this scope: the rest of the API keeps its JSON parser.
  await app.register(async (files) => {
    files.removeAllContentTypeParsers();
    files.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES + 1 },
      (_req, body, done) => done(null, body),
    );
    const r = files.withTypeProvider<ZodTypeProvider>();
    const bytesOf = (body: unknown) => (Buffer.isBuffer(body) ? new Uint8Array(body) : new Uint8Array());

    r.post(
      '/api/members/imports/preview',
      {
        bodyLimit: MAX_IMPORT_BYTES + 1,
        config: { access: team },
        schema: { tags, querystring: fileQuerySchema, response: { 200: previewSchema } },
      },
      async (request) => {
        const analysis = await withTenant(db, caller(request), (tx) =>
          analyseImport(tx, { bytes: bytesOf(request.body), ...request.query }),
        );
        return presentAnalysis(analysis);
      },
    );

    r.post(
      '/api/members/imports/commit',
      {
        bodyLimit: MAX_IMPORT_BYTES + 1,
        config: { access: team },
        schema: {
          tags,
          querystring: fileQuerySchema,
          response: { 201: z.object({ created: z.number(), updated: z.number() }), 422: blockedSchema },
        },
      },
      async (request, reply) => {
        try {
          const { created, updated } = await withTenant(db, caller(request), (tx) =>
            commitImport(tx, { bytes: bytesOf(request.body), ...request.query }),
          );
          deps.registryCache.invalidate(caller(request).delegationId);
          return reply.status(201).send({ created, updated });
        } catch (error) {
          if (!(error instanceof ImportBlocked)) throw error;
          // The one error shape, with the rows' problems: nothing was written.
          return reply.status(422).send({
            error: { code: error.code, message: error.message, problems: error.analysis.problems },
          });
        }
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/members/import-mappings',
    {
      config: { access: team },
      schema: { tags, response: { 200: z.object({ items: z.array(savedMappingSchema) }) } },
    },
    async (request) => ({ items: await withTenant(db, caller(request), (tx) => listMappings(tx)) }),
  );

  r.post(
    '/api/members/import-mappings',
    {
      config: { access: team },
      schema: {
        tags,
        body: z.object({ name: z.string().trim().min(1).max(100), mapping: mappingSchema }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => {
      const who = caller(request);
      const saved = await withTenant(db, who, (tx) => saveMapping(tx, who.userId, request.body));
      return reply.status(201).send(saved);
    },
  );
}
