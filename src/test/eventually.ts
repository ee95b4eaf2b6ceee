/**
 * Reads until the value is `expected` or `timeoutMs` have passed, and returns the last
 * value read: a change made on another app server or outside any server reaches this one
 * by a database notification, a few milliseconds later. The caller still asserts the value.
 */
export async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (value !== expected && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    value = await read();
  }
  return value;
}
