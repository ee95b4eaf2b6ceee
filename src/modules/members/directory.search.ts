import { departmentName, normaliseForSearch } from './members.validation.ts';

/**
 * The public directory's search: every word of the query must be found somewhere in the
 * entry (name, town, postcode, address, activities, the departments it is listed under by
 * number and by name), so "chorus decazeville", "ariege", "Tarn" and "09" all find what a
 * person expects. "st"/"ste" and "saint"/"sainte" are the same word. A word of digits
 * starts a word of the entry ("09" finds 09000 and department 09, not 2009).
 */

const SAINT: Record<string, string> = { st: 'saint', ste: 'sainte', sts: 'saints', stes: 'saintes' };

/** Normalised words, "st" spelt out. */
function words(text: string): string[] {
  return normaliseForSearch(text)
    .split(' ')
    .filter(Boolean)
    .map((w) => SAINT[w] ?? w);
}

/** The query's words; empty when it holds none (punctuation only). */
export function searchWords(q: string): string[] {
  return words(q);
}

const departmentWords = new Map<string, string>();
function departmentText(code: string): string {
  let text = departmentWords.get(code);
  if (text === undefined) {
    text = `${code} ${departmentName(code) ?? ''}`;
    departmentWords.set(code, text);
  }
  return text;
}

/** One entry's searchable text: its words between spaces. */
export function directoryHaystack(entry: {
  name: string;
  city: string | null;
  postcode: string | null;
  address: string | null;
  listedUnder: readonly string[];
  activities: readonly string[];
}): string {
  const parts = [
    entry.name,
    entry.city ?? '',
    entry.postcode ?? '',
    entry.address ?? '',
    ...entry.listedUnder.map(departmentText),
    ...entry.activities,
  ];
  return ` ${words(parts.join(' ')).join(' ')} `;
}

/** True when every word is in the haystack (a word of digits at the start of one of its words). */
export function matchesAllWords(haystack: string, query: readonly string[]): boolean {
  return query.every((w) => haystack.includes(/^\d+$/.test(w) ? ` ${w}` : w));
}
