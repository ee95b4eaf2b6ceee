import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { csvFile } from '../../server/openapi.ts';
import { TEAM } from '../../shared/policies.ts';
import { IMPORT_FIELDS } from './import.mapping.ts';
import { MAX_IMPORT_BYTES, parseImportFile } from './import.parse.ts';
import { rejectsFile } from './import.rejects.ts';
import {
  commitImport,
  countProblems,
  ImportBlocked,
  listMappings,
  loadRegistryIndex,
  PREVIEW_LIMIT,
  planAnalysis,
  presentPreview,
  problemsCsv,
  resolveMapping,
  saveMapping,
} from './import.service.ts';

const team = allow(...TEAM);
const tags = ['members'];

const fileQuerySchema = z.object({
  filename: z.string().max(255).optional(),
  mapping: z.string().max(20_000).optional(),
});
const commitQuerySchema = fileQuerySchema.extend({
  /** `true`: import the valid lines and answer the refused ones as a rejects file. */
  skipInvalid: z.enum(['true', 'false']).optional(),
});
const problemSchema = z
  .object({
    line: z.number(),
    column: z.string().nullable(),
    code: z.string(),
    message: z.string(),
    severity: z.enum(['error', 'warning']),
  })
  .meta({ id: 'MembersImportProblem' });
const planLineSchema = z
  .object({
    line: z.number(),
    name: z.string(),
    siret: z.string().nullable(),
    fields: z.array(z.string()).optional(),
  })
  .meta({ id: 'MembersImportPlanLine' });
const mappingSchema = z.record(z.string().max(200), z.enum(IMPORT_FIELDS));
const previewSchema = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    encoding: z.enum(['utf-8', 'utf-8-bom', 'windows-1252']).nullable(),
    delimiter: z.enum([';', ',']).nullable(),
    headers: z.array(z.string()),
    mapping: mappingSchema,
    rows: z.number(),
    /** Exact counts; the lists below hold the first 200 of each (`truncated` when there are more). */
    counts: z.object({ create: z.number(), update: z.number(), errors: z.number(), warnings: z.number() }),
    plan: z.object({ create: z.array(planLineSchema), update: z.array(planLineSchema) }),
    problems: z.array(problemSchema),
    truncated: z.boolean(),
  })
  .meta({ id: 'MembersImportPreview' });
const savedMappingSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    mapping: z.record(z.string(), z.string()),
  })
  .meta({ id: 'MembersImportMapping' });
const blockedSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** The first 200 problems; `counts` counts them all. */
    problems: z.array(problemSchema),
    counts: z.object({ errors: z.number(), warnings: z.number() }),
  }),
});

/**
 * Member import: the file is the raw request body (any content type, up to 20 MB), its
 * name in `?filename=` tells CSV from XLSX, `?mapping=` is JSON or a saved mapping's name.
 */
export async function importRoutes(app: FastifyInstance, deps: ModuleDeps) {
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

    // Read and checked outside any transaction, a slice at a time (import.parse.ts,
    // import.validate.ts): the registry is loaded in a short one.
    const analyse = async (request: FastifyRequest, query: z.infer<typeof fileQuerySchema>) => {
      const file = await parseImportFile(bytesOf(request.body), query.filename);
      const { mapping, index } = await withTenant(db, caller(request), async (tx) => ({
        mapping: await resolveMapping(tx, file.headers, query.mapping),
        index: await loadRegistryIndex(tx),
      }));
      return planAnalysis(file, mapping, index);
    };

    r.post(
      '/api/members/imports/preview',
      {
        bodyLimit: MAX_IMPORT_BYTES + 1,
        config: { access: team },
        schema: {
          summary: "Import : analyse un fichier avant d'importer",
          tags,
          querystring: fileQuerySchema,
          response: { 200: previewSchema },
        },
      },
      async (request) => presentPreview(await analyse(request, request.query)),
    );

    // Every problem of the file, where the preview shows the first 200.
    r.post(
      '/api/members/imports/problems.csv',
      {
        bodyLimit: MAX_IMPORT_BYTES + 1,
        config: { access: team },
        schema: {
          summary: "Import : les problèmes d'un fichier (CSV)",
          tags,
          querystring: fileQuerySchema,
          response: { 200: csvFile },
        },
      },
      async (request, reply) => {
        const { problems } = await analyse(request, request.query);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="problemes-import.csv"')
          .header('cache-control', 'private, no-store')
          .send(problemsCsv(problems));
      },
    );

    r.post(
      '/api/members/imports/commit',
      {
        bodyLimit: MAX_IMPORT_BYTES + 1,
        config: { access: team },
        schema: {
          summary: 'Import : importe les lignes valides',
          tags,
          querystring: commitQuerySchema,
          response: {
            201: z
              .object({
                created: z.number(),
                updated: z.number(),
                /** With `skipInvalid=true` and refused lines: the CLI's rejects file (cells + "motif"). */
                rejects: z.object({ lines: z.number(), filename: z.string(), csv: z.string() }).optional(),
              })
              .meta({ id: 'MembersImportResult' }),
            422: blockedSchema,
          },
        },
      },
      async (request, reply) => {
        const { skipInvalid, ...query } = request.query;
        const parsed = await parseImportFile(bytesOf(request.body), query.filename);
        try {
          // All or nothing unless the user asked for the valid lines (one transaction either way).
          const { created, updated, analysis } = await withTenant(db, caller(request), (tx) =>
            commitImport(tx, { bytes: new Uint8Array(), parsed, ...query }, undefined, {
              skipInvalid: skipInvalid === 'true',
            }),
          );
          deps.registryCache.invalidate(caller(request).delegationId);
          const refused = rejectsFile(parsed, analysis.problems);
          const base = (query.filename ?? 'import').replace(/\.(csv|xlsx)$/i, '').replace(/[^\w.-]+/g, '_');
          return reply.status(201).send({
            created,
            updated,
            ...(refused.lines > 0
              ? { rejects: { lines: refused.lines, filename: `${base}.rejets.csv`, csv: refused.text } }
              : {}),
          });
        } catch (error) {
          if (!(error instanceof ImportBlocked)) throw error;
          // The one error shape, with the rows' problems: nothing was written.
          const { problems } = error.analysis;
          return reply.status(422).send({
            error: {
              code: error.code,
              message: error.message,
              problems: problems.slice(0, PREVIEW_LIMIT),
              counts: countProblems(problems),
            },
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
      schema: {
        summary: 'Correspondances de colonnes enregistrées',
        tags,
        response: { 200: z.object({ items: z.array(savedMappingSchema) }) },
      },
    },
    async (request) => ({ items: await withTenant(db, caller(request), (tx) => listMappings(tx)) }),
  );

  r.post(
    '/api/members/import-mappings',
    {
      config: { access: team, errors: ['validation.failed'] },
      schema: {
        summary: 'Enregistre une correspondance de colonnes',
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
