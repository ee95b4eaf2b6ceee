import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { errorStatuses } from './error-statuses.ts';

// The API description is the web app's contract (decision 021): every operation says what
// it does, what it answers on success, which errors it can give and who may call it.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Operation = {
  summary?: string;
  operationId?: string;
  security?: unknown[];
  responses?: Record<
    string,
    { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> }
  >;
};

function operations(): [string, Operation][] {
  const document = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]): [string, Operation] => [
      `${method.toUpperCase()} ${path}`,
      operation,
    ]),
  );
}

describe('API contract', () => {
  it('gives every operation a summary, a success answer, an error answer and its security', () => {
    const all = operations();
    expect(all.length).toBeGreaterThan(200);
    const problems = all.flatMap(([name, operation]) => {
      const statuses = Object.keys(operation.responses ?? {});
      return [
        !operation.summary?.trim() && `${name}: no summary`,
        !statuses.some((s) => s.startsWith('2')) && `${name}: no success answer`,
        !statuses.some((s) => s.startsWith('4')) && !name.includes('/api/health') && `${name}: no 4xx answer`,
        !Array.isArray(operation.security) && `${name}: no security`,
      ].filter(Boolean);
    });
    expect(problems).toEqual([]);
  });

  it('names every operation once', () => {
    const ids = operations().map(([, operation]) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents error answers with codes of the catalogue, under their own status', () => {
    for (const [name, operation] of operations())
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (!status.startsWith('4') && !status.startsWith('5')) continue;
        const error = response.content?.['application/json']?.schema?.properties?.error as
          | { properties?: { code?: { enum?: string[] } } }
          | undefined;
        for (const code of error?.properties?.code?.enum ?? [])
          expect(String(errorStatuses[code as keyof typeof errorStatuses]), `${name} ${code}`).toBe(status);
      }
  });
});
