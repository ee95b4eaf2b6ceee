/**
 * French alphabetical order with one collator for the process. `a.localeCompare(b, 'fr')`
 * looks its collator up at every call: sorting 300 names took 1.8 ms that way, 0.9 ms with
 * this one (measured with node on this machine; a small gain, kept because it is free).
 */
const french = new Intl.Collator('fr');

export const compareFr = (a: string, b: string): number => french.compare(a, b);
