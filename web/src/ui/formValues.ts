export type FormValue = string | boolean | string[];
export type FormValues = Record<string, FormValue>;

const same = (a: FormValue | undefined, b: FormValue | undefined) => JSON.stringify(a) === JSON.stringify(b);

function clean(value: FormValue): FormValue {
  return typeof value === 'string' ? value.trim() : value;
}

/** A create body: trimmed values, empty texts left out. */
export function toCreateBody(values: FormValues): Record<string, FormValue> {
  const body: Record<string, FormValue> = {};
  for (const [key, raw] of Object.entries(values)) {
    const value = clean(raw);
    if (value === '') continue;
    body[key] = value;
  }
  return body;
}

/** A PATCH body: only what changed; a text the user emptied is sent as null (cleared). */
export function toPatchBody(values: FormValues, initial: FormValues): Record<string, FormValue | null> {
  const body: Record<string, FormValue | null> = {};
  for (const [key, raw] of Object.entries(values)) {
    const value = clean(raw);
    if (same(value, clean(initial[key] ?? ''))) continue;
    body[key] = value === '' ? null : value;
  }
  return body;
}

/** Form values from a record: null and undefined become empty strings. */
export function textValues<T extends object>(record: T, keys: readonly (keyof T & string)[]): FormValues {
  const values: FormValues = {};
  for (const key of keys) {
    const value = record[key];
    values[key] =
      typeof value === 'boolean' || Array.isArray(value)
        ? (value as FormValue)
        : value == null
          ? ''
          : String(value);
  }
  return values;
}

/** Sends a PATCH only when something changed (an unchanged form just closes). */
export function submitPatch(
  values: FormValues,
  initial: FormValues,
  send: (body: Record<string, FormValue | null>) => Promise<unknown>,
): Promise<unknown> {
  const body = toPatchBody(values, initial);
  return Object.keys(body).length > 0 ? send(body) : Promise.resolve();
}
