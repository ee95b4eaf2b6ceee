/**
 * The API's types, as the server describes them: generated from docs/openapi.json into
 * api.schema.d.ts by `npm run openapi` (CI fails when it drifts). Features name answers by
 * their schema (`Schema<'DuesGrid'>`) or by operation (`Answer<'/api/dues', 'get'>`), and
 * never write a response type by hand.
 */
import type { components, paths } from './api.schema';

export type Schemas = components['schemas'];
/** A named schema of the API (`.meta({ id })` on the server's Zod schema). */
export type Schema<Name extends keyof Schemas> = Schemas[Name];

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;

/** The JSON an operation answers on success (200, 201 or 202). */
export type Answer<P extends keyof paths, M extends Method = 'get'> =
  Operation<P, M> extends { responses: infer R } ? Json<R[Extract<keyof R, 200 | 201 | 202>]> : never;

/** The JSON body an operation takes. */
export type Body<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;

/** The query string an operation takes. */
export type Query<P extends keyof paths, M extends Method = 'get'> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
