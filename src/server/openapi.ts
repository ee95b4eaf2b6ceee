/**
 * The API description's contract beyond the Zod schemas: who may call each operation (the
 * session cookie, from the route's `config.access`), which errors it answers (the ones every
 * route of its kind can give, plus the codes it declares in `config.errors`), and an
 * operationId the generated web client names it by.
 */
import type { FastifySchema, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { message } from '../i18n/messages.ts';
import type { Access } from './access.ts';
import { type ErrorCode, statusOf } from './error-statuses.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Error codes this route answers besides the ones every route of its kind can give. */
    errors?: readonly ErrorCode[];
  }
}

export const SESSION_SCHEME = 'session';

export const openapiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Maillage API',
    version: '0.1.0',
    description: "API de Maillage, le système d'information d'un réseau de SIAE.",
    license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
  },
  servers: [{ url: '/', description: 'Ce serveur Maillage' }],
  components: {
    securitySchemes: {
      [SESSION_SCHEME]: {
        type: 'apiKey' as const,
        in: 'cookie' as const,
        name: 'maillage.session_token',
        description: 'Le cookie de session posé par POST /api/auth/sign-in/email.',
      },
    },
  },
  security: [{ [SESSION_SCHEME]: [] }],
};

type TransformInput = Parameters<typeof jsonSchemaTransform>[0] & { route: RouteOptions };

const errorBody = (codes: readonly ErrorCode[]) => ({
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: [...codes] },
        message: { type: 'string' },
        fields: {
          type: 'array',
          items: {
            type: 'object',
            required: ['field', 'code', 'message'],
            properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
});

/** The codes an operation can answer, by the route's access and input and its declared errors. */
export function errorCodesOf(
  access: Access | undefined,
  schema: FastifySchema | undefined,
  declared: readonly ErrorCode[] = [],
) {
  const codes = new Set<ErrorCode>(declared);
  if (schema?.body || schema?.querystring || schema?.params) codes.add('request.invalid');
  if (access && access.kind !== 'public') codes.add('auth.required');
  // `signedIn` refuses the federation, which holds no role in a delegation (decision 020).
  if (access?.kind === 'roles' || access?.kind === 'signedIn') codes.add('auth.forbidden');
  codes.add('internal');
  return [...codes];
}

function errorResponses(codes: ErrorCode[]) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(statusOf(code), [...(byStatus.get(statusOf(code)) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      status,
      {
        description: list.map((code) => `\`${code}\` : ${message(code)}`).join('\n\n'),
        content: { 'application/json': { schema: errorBody(list) } },
      },
    ]),
  );
}

/** `GET /api/dues/grids/:year` → `getDuesGridsByYear`. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\//, '')
    .split(/[/.-]/)
    .filter(Boolean)
    .map((part) => (part.startsWith(':') ? `by-${part.slice(1)}` : part))
    .flatMap((part) => part.split(/[-_]/));
  const camel = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return `${method.toLowerCase()}${camel}`;
}

export function contractTransform(input: TransformInput) {
  const { schema, url } = jsonSchemaTransform(input) as { schema: Record<string, unknown>; url: string };
  const route = input.route;
  if (!route || schema.hide) return { schema, url };
  const access = route.config?.access;
  const method = Array.isArray(route.method) ? String(route.method[0]) : String(route.method);
  const responses = { ...(schema.response as Record<string, unknown> | undefined) };
  const codes = errorCodesOf(access, route.schema, route.config?.errors);
  for (const [status, response] of Object.entries(errorResponses(codes)))
    if (!(status in responses)) responses[status] = response;
  return {
    url,
    schema: {
      ...schema,
      operationId: (schema.operationId as string | undefined) ?? operationIdOf(method, url),
      security: access?.kind === 'public' ? [] : [{ [SESSION_SCHEME]: [] }],
      response: responses,
    },
  };
}

/** A file answer (`response: { 200: csvFile }`): described, not serialised (the route sends text). */
export const csvFile = {
  description: 'Fichier CSV (séparateur « ; », UTF-8 avec BOM), à ouvrir dans un tableur',
  content: { 'text/csv': { schema: z.string() } },
};
