import type { PublicStructure } from './api';

export interface DepartmentGroup {
  /** A department code, or '' for establishments without one. */
  code: string;
  items: PublicStructure[];
}

/**
 * The directory under department headings, as the printed report lists it: an
 * establishment appears under every covered department it is listed under (AILES under
 * Haute-Garonne and Tarn); establishments no covered department lists go under their own
 * department. Works on one page of the directory: each item says where it is listed.
 */
export function groupByDepartment(
  items: PublicStructure[],
  covered: string[],
  selected: string,
): DepartmentGroup[] {
  if (selected) return items.length ? [{ code: selected, items }] : [];
  const placed = new Set<string>();
  const groups: DepartmentGroup[] = [];
  for (const code of covered) {
    const own = items.filter((item) => item.listedUnder.includes(code) || item.department === code);
    for (const item of own) placed.add(item.id);
    if (own.length) groups.push({ code, items: own });
  }
  const others = new Map<string, PublicStructure[]>();
  for (const item of items) {
    if (placed.has(item.id)) continue;
    const code = item.department ?? '';
    others.set(code, [...(others.get(code) ?? []), item]);
  }
  const rest = [...others.entries()].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  return [...groups, ...rest.map(([code, list]) => ({ code, items: list }))];
}

/** Members per covered department, as the summary route counts them (distinct organisations). */
export function membersPerDepartment(
  covered: string[],
  byDepartment: Readonly<Record<string, number>>,
): { code: string; count: number }[] {
  return covered.map((code) => ({ code, count: byDepartment[code] ?? 0 }));
}
