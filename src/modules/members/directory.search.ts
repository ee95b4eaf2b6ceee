import { normaliseForSearch } from '../../lib/text.ts';
import type { PublicStructure } from './members.schemas.ts';
import { departmentName } from './members.validation.ts';

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

export interface DirectoryFilters {
  department?: string | undefined;
  type?: string | undefined;
  q?: string | undefined;
  activity?: string | undefined;
}

// Worked out once per entry of a cached directory, not once per query.
const haystacks = new WeakMap<PublicStructure, string>();
const tagLists = new WeakMap<PublicStructure, string[]>();

/**
 * The entries the filters keep, in the directory's order: the type and department (any it
 * is listed under) as given, the activity tag without case or accents, and the search.
 */
export function filterDirectory(
  items: readonly PublicStructure[],
  filters: DirectoryFilters,
): PublicStructure[] {
  const query = filters.q ? searchWords(filters.q) : [];
  const activity = filters.activity === undefined ? undefined : normaliseForSearch(filters.activity);
  return items.filter((item) => {
    if (filters.type && !(item.types as string[]).includes(filters.type)) return false;
    if (filters.department && !item.listedUnder.includes(filters.department)) return false;
    if (activity !== undefined) {
      let tags = tagLists.get(item);
      if (!tags) {
        tags = item.activities.map(normaliseForSearch);
        tagLists.set(item, tags);
      }
      if (!tags.includes(activity)) return false;
    }
    if (filters.q !== undefined && filters.q !== '') {
      // A query of punctuation only finds nothing.
      if (query.length === 0) return false;
      let haystack = haystacks.get(item);
      if (haystack === undefined) {
        haystack = directoryHaystack(item);
        haystacks.set(item, haystack);
      }
      if (!matchesAllWords(haystack, query)) return false;
    }
    return true;
  });
}
