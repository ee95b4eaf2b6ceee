import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

/**
 * Deepest JSON body accepted. Our largest legitimate bodies (observatory values, import
 * mappings) nest 4 levels; whatever walks a parsed body recursively (Zod, Better Auth,
 * JSON.stringify) overflowed the stack at 400,000 levels.
 */
export const MAX_JSON_DEPTH = 64;

/** A NUL written as `%00` anywhere in the path or the query string (Node refuses raw NUL bytes). */
const ENCODED_NUL = /%00/;

/**
 * What is wrong with a JSON text before it is parsed, in one pass over it: a NUL
 * character (`\u0000`, which PostgreSQL cannot store in text and refuses with an error)
 * or nesting deeper than `maxDepth`. A raw NUL byte is left to the parser, which refuses
 * it as invalid JSON (control characters must be escaped).
 */
export function jsonProblem(text: string, maxDepth = MAX_JSON_DEPTH): 'nul_byte' | 'too_deep' | null {
  // Fast path: most bodies hold no escape at all and are short.
  const hasEscapedNul = text.includes('\\u0000');
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) {
        if (hasEscapedNul && text.startsWith('u0000', i + 1)) return 'nul_byte';
        i++; // the escaped character, whatever it is (an escaped quote does not end the string)
      } else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > maxDepth) return 'too_deep';
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return null;
}

/**
 * Refuses, with a coded 400 on every route, the two inputs that reached PostgreSQL or the
 * stack unchecked: NUL bytes (in the URL or a JSON body) and deeply nested JSON. Routes
 * that take raw files (imports, documents) check their own content.
 */
export function installRequestGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (ENCODED_NUL.test(request.raw.url ?? '')) throw new AppError('request.nul_byte');
  });
  // Fastify's own parser (with its prototype-poisoning checks), behind the two checks above.
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const problem = jsonProblem(body as string);
    if (problem) return done(new AppError(`request.${problem}`), undefined);
    parse(request, body as string, done);
  });
}
