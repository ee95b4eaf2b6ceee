import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasMessage } from '../i18n/messages.ts';
import { errorStatuses } from './error-statuses.ts';

// `new AppError(code)` only compiles with a code of the status table, and the table only
// with codes that have a message. Field codes travel as plain strings (`{ field, code }`),
// so this test reads the sources for them: a field code without a French message fails here.
const root = new URL('..', import.meta.url).pathname;
const FIELD_CODE = /\bcode: '([a-zA-Z]+\.[a-z_.]+)'/g;
const CALLED_CODE =
  /\b(?:fieldError|documentError|invalidFields|problem|refuse)\(\s*'([a-zA-Z]+\.[a-z_.]+)'/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.includes('.test.') ? [path] : [];
  });
}

describe('error catalogue', () => {
  it('gives every error code a status of 4xx or 5xx and a French message', () => {
    for (const [code, status] of Object.entries(errorStatuses)) {
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(hasMessage(code), `${code} has no message`).toBe(true);
    }
  });

  it('has a French message for every field code written in the sources', () => {
    const missing: string[] = [];
    let seen = 0;
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of [FIELD_CODE, CALLED_CODE])
        for (const match of text.matchAll(pattern)) {
          seen += 1;
          const code = match[1] as string;
          if (!hasMessage(code)) missing.push(`${relative(root, file)}: ${code}`);
        }
    }
    expect(seen).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });
});
