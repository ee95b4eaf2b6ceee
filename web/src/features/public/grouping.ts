import type { PublicStructure } from './api';

export interface DepartmentGroup {
  /** A department code, or '' for establishments without one. */
  code: string;
  items: PublicStructure[];
}

/**
 * The directory under department headings, as the printed report lists it: an
 * establishment appears under every department whose directory lists it (AILES under
 * Haute-Garonne and Tarn). `byDepartment` holds each covered department's directory;
 * establishments no covered department lists go under their own department.
 */
export function groupByDepartment(
  items: PublicStructure[],
  covered: string[],
  byDepartment: ReadonlyMap<string, PublicStructure[]>,
  selected: string,
): DepartmentGroup[] {
  if (selected) return items.length ? [{ code: selected, items }] : [];
  const placed = new Set<string>();
  const groups: DepartmentGroup[] = [];
  for (const code of covered) {
    const listed = new Set((byDepartment.get(code) ?? []).map((item) => item.id));
    const own = items.filter(
      (item) => listed.has(item.id) || (listed.size === 0 && item.department === code),
    );
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

/** Members per department: distinct organisations in each department's directory. */
export function membersPerDepartment(
  covered: string[],
  byDepartment: ReadonlyMap<string, PublicStructure[]>,
): { code: string; count: number }[] {
  return covered.map((code) => ({
    code,
    count: new Set((byDepartment.get(code) ?? []).map((item) => item.organisationId)).size,
  }));
}
