/**
 * Ranking of member organisations for a buyer's opportunity: first by the activities they
 * share with it (compared without accents or case), then by territory (same department,
 * then same region). Pure: the service loads the members, this decides and explains.
 */

import { compareFr } from '../../i18n/collate.ts';
import { normaliseForSearch } from '../../lib/text.ts';

// Departments of each region (2016 map); overseas departments are regions of their own.
const REGION_DEPARTMENTS: Record<string, string> = {
  'Auvergne-Rhône-Alpes': '01 03 07 15 26 38 42 43 63 69 73 74',
  'Bourgogne-Franche-Comté': '21 25 39 58 70 71 89 90',
  Bretagne: '22 29 35 56',
  'Centre-Val de Loire': '18 28 36 37 41 45',
  Corse: '2A 2B',
  'Grand Est': '08 10 51 52 54 55 57 67 68 88',
  'Hauts-de-France': '02 59 60 62 80',
  'Île-de-France': '75 77 78 91 92 93 94 95',
  Normandie: '14 27 50 61 76',
  'Nouvelle-Aquitaine': '16 17 19 23 24 33 40 47 64 79 86 87',
  Occitanie: '09 11 12 30 31 32 34 46 48 65 66 81 82',
  'Pays de la Loire': '44 49 53 72 85',
  "Provence-Alpes-Côte d'Azur": '04 05 06 13 83 84',
  Guadeloupe: '971',
  Martinique: '972',
  Guyane: '973',
  'La Réunion': '974',
  Mayotte: '976',
};
const REGION_OF = new Map(
  Object.entries(REGION_DEPARTMENTS).flatMap(([region, codes]) => codes.split(' ').map((c) => [c, region])),
);

/** The region of a department code ("46", "2A", "974"), or null when unknown. */
export function regionOf(department: string | null | undefined): string | null {
  if (!department) return null;
  return REGION_OF.get(department.trim().toUpperCase()) ?? null;
}

export interface MatchTarget {
  activities: string[];
  department: string | null;
}

export interface MatchMember {
  organisationId: string;
  name: string;
  activities: string[];
  /** Departments of its establishments and of the conventions it holds. */
  departments: string[];
}

export interface Candidate {
  organisationId: string;
  name: string;
  sharedActivities: string[];
  territory: 'department' | 'region' | null;
  reasons: string[];
}

// Whole words of one inside the other: "espaces verts" matches "entretien des espaces verts",
// "vert" does not match "espaces verts".
function overlaps(a: string, b: string): boolean {
  if (!a || !b) return false;
  return ` ${a} `.includes(` ${b} `) || ` ${b} `.includes(` ${a} `);
}

/**
 * Members worth putting forward, best first: most shared activities, then department,
 * then region, then name. A member sharing neither an activity nor a territory is left out.
 */
export function rankCandidates(target: MatchTarget, members: MatchMember[]): Candidate[] {
  const wanted = target.activities.map((label) => ({ label, key: normaliseForSearch(label) }));
  const department = target.department?.trim().toUpperCase() || null;
  const region = regionOf(department);
  const candidates: Candidate[] = [];
  for (const member of members) {
    const tags = member.activities.map(normaliseForSearch);
    const shared = wanted.filter((w) => tags.some((tag) => overlaps(tag, w.key))).map((w) => w.label);
    const places = member.departments.map((d) => d.trim().toUpperCase());
    const territory =
      department && places.includes(department)
        ? 'department'
        : region && places.some((d) => regionOf(d) === region)
          ? 'region'
          : null;
    if (shared.length === 0 && territory === null) continue;
    const reasons: string[] = [];
    if (shared.length > 0)
      reasons.push(`${shared.length > 1 ? 'Activités communes' : 'Activité commune'} : ${shared.join(', ')}`);
    if (territory === 'department') reasons.push(`Présent dans le département ${department}`);
    if (territory === 'region') reasons.push(`Présent dans la région (${region})`);
    candidates.push({
      organisationId: member.organisationId,
      name: member.name,
      sharedActivities: shared,
      territory,
      reasons,
    });
  }
  const territoryRank = (c: Candidate) =>
    c.territory === 'department' ? 2 : c.territory === 'region' ? 1 : 0;
  return candidates.sort(
    (a, b) =>
      b.sharedActivities.length - a.sharedActivities.length ||
      territoryRank(b) - territoryRank(a) ||
      compareFr(a.name, b.name),
  );
}
