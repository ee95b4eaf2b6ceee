import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, query } from '../../app/api';

/** One establishment of a current member, as `GET /api/public/structures` lists it. */
export interface PublicStructure {
  id: string;
  organisationId: string;
  name: string;
  types: string[];
  department: string | null;
  postcode: string | null;
  city: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  activities: string[];
  /** Departments the establishment is listed under: its own and those its conventions cover. */
  listedUnder: string[];
}

export interface PublicStructures {
  items: PublicStructure[];
  total: number;
}

export type BoardRole = 'president' | 'vice_president' | 'treasurer' | 'secretary' | 'bureau_member';

/** `GET /api/public/organisation`: only what the delegation publishes. */
export interface PublicOrganisation {
  delegation: {
    name: string;
    slug: string;
    region: string | null;
    departmentsCovered: string[];
    addresses: { line: string; postcode: string; city: string }[];
    phone: string | null;
    email: string | null;
    website: string | null;
    missions: { code: string; label: string }[];
    objectives: { number: number | null; axis: string; text: string }[];
    logoUrl: string | null;
  };
  board: {
    firstName: string;
    lastName: string;
    role: BoardRole | null;
    organisationName: string;
    department: string | null;
    nationalRepresentative: boolean;
    electedOn: string;
  }[];
  staff: { firstName: string; lastName: string; jobTitle: string }[];
}

export interface DirectoryFilters {
  department: string;
  type: string;
  q: string;
  activity: string;
}

/** `GET /api/public/activities`: current members' activities and how many members have each. */
export interface PublicActivity {
  label: string;
  count: number;
}

// Public pages never send the user to the sign-in page: these routes answer anyone.
const publicCall = <T>(path: string, signal: AbortSignal) => api<T>(path, { signal, redirectOn401: false });

export const publicKeys = {
  organisation: ['public', 'organisation'] as const,
  structures: (filters: Partial<DirectoryFilters>) => ['public', 'structures', filters] as const,
  activities: ['public', 'activities'] as const,
};

export function usePublicActivities() {
  return useQuery({
    queryKey: publicKeys.activities,
    queryFn: ({ signal }) => publicCall<{ items: PublicActivity[] }>('/api/public/activities', signal),
    staleTime: 60_000,
  });
}

export function usePublicOrganisation() {
  return useQuery({
    queryKey: publicKeys.organisation,
    queryFn: ({ signal }) => publicCall<PublicOrganisation>('/api/public/organisation', signal),
    staleTime: 5 * 60_000,
  });
}

/** Only non-empty filters go into the key, so the same request is shared between the list and the map. */
function compact(filters: Partial<DirectoryFilters>): Partial<DirectoryFilters> {
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value),
  ) as Partial<DirectoryFilters>;
}

function structuresQuery(filters: Partial<DirectoryFilters>) {
  const key = compact(filters);
  return {
    queryKey: publicKeys.structures(key),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      publicCall<PublicStructures>(`/api/public/structures${query(key)}`, signal),
    staleTime: 60_000,
  };
}

export function usePublicStructures(filters: DirectoryFilters) {
  return useQuery({ ...structuresQuery(filters), placeholderData: keepPreviousData });
}

/**
 * The directory of each department, as the department filter gives it: an establishment
 * listed under two departments (AILES, Revel, also under Tarn) appears in both, as in the
 * printed report. One request for the whole directory; each item says where it is listed.
 */
export function useDirectoryByDepartment(departments: string[]) {
  const all = useQuery(structuresQuery({}));
  const items = all.data?.items ?? [];
  return {
    isPending: all.isPending,
    error: all.error,
    byDepartment: new Map(
      departments.map((department) => [
        department,
        items.filter((item) => item.listedUnder.includes(department)),
      ]),
    ),
  };
}
