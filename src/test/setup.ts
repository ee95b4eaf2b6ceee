import { afterEach, beforeEach, expect, vi } from 'vitest';

// A test that makes the code print an error has found a problem, even if its asserts pass.
let errorSpy: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  errorSpy = vi.spyOn(console, 'error');
});
afterEach(() => {
  const calls = errorSpy.mock.calls;
  errorSpy.mockRestore();
  expect(calls, 'console.error was called during the test').toEqual([]);
});
