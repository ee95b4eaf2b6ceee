import { describe, expect, it } from 'vitest';
import { jsonProblem, MAX_JSON_DEPTH } from './request-guard.ts';

describe('jsonProblem', () => {
  it('finds an escaped NUL in a value or a key, not an escaped backslash followed by u0000', () => {
    expect(jsonProblem('{"name":"a\\u0000b"}')).toBe('nul_byte');
    expect(jsonProblem('{"a\\u0000":1}')).toBe('nul_byte');
    expect(jsonProblem('["\\\\u0000"]')).toBeNull();
    expect(jsonProblem('["\\"", "\\\\", "\\u00e9"]')).toBeNull();
  });

  it('counts nesting outside strings only, up to the limit', () => {
    const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    expect(jsonProblem(nested(MAX_JSON_DEPTH))).toBeNull();
    expect(jsonProblem(nested(MAX_JSON_DEPTH + 1))).toBe('too_deep');
    expect(jsonProblem(`{"a":"${'['.repeat(1000)}"}`)).toBeNull();
    expect(jsonProblem(`${'{"a":'.repeat(400_000)}1${'}'.repeat(400_000)}`)).toBe('too_deep');
    expect(jsonProblem('[{"a":[1,{"b":[]}]},[]]')).toBeNull();
  });
});
