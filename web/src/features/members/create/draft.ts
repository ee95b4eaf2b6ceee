import type { FormValue, FormValues } from '../../../ui/formValues';

export const emptyDraft: FormValues = {
  name: '',
  siren: '',
  legalForm: '',
  website: '',
  description: '',
  note: '',
  activities: [],
  'establishment.siret': '',
  'establishment.address': '',
  'establishment.postcode': '',
  'establishment.city': '',
  'establishment.department': '',
  'establishment.phone': '',
  'establishment.email': '',
  'establishment.website': '',
  conventionTypes: [],
  joinedOn: '',
};

type Body = Record<string, FormValue | Record<string, FormValue>>;

/** The POST body: dotted keys become nested objects, empty texts are left out. */
export function buildCreateBody(values: FormValues): Body {
  const body: Body = { establishment: {} };
  for (const [key, raw] of Object.entries(values)) {
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (value === '') continue;
    const [head, tail] = key.split('.', 2) as [string, string | undefined];
    if (tail === undefined) body[head] = value;
    else {
      const nested = (body[head] ?? {}) as Record<string, FormValue>;
      body[head] = nested;
      nested[tail] = value;
    }
  }
  if (!Array.isArray(body.conventionTypes)) body.conventionTypes = [];
  return body;
}
