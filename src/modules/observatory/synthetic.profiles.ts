/**
 * Plausible yearly figures of one member convention, for the synthetic (demonstration)
 * campaign: orders of magnitude by structure type, drawn from a seeded generator so that
 * the same seed gives the same figures. Not statistics of anyone: every screen showing
 * them says they are synthetic.
 *
 * The shapes follow `../shared/docs/domain.md` §2–3: an AI employs many people for few
 * hours each and bills them by the hour; an ACI employs 20 to 40 people nearly full time,
 * sells little and lives on the aide au poste (≈ 24 k€ per full-time post) and subsidies;
 * an ETTI places temps; an EI sells at market prices; an EBE hires on open-ended contracts.
 */

/** mulberry32: a small, fast, seeded generator of numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a: a text to a 32-bit seed (names, not database ids, so a reload gives the same figures). */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

type Range = readonly [number, number];

interface Profile {
  persons: Range;
  hoursPerPerson: Range;
  /** Revenue per hour paid to people in pathways (billing for AI/ETTI, sales for the others). */
  revenuePerHour: Range;
  subsidies: Range;
  /** Aide au poste per full-time post (arrêté of 4 Dec 2024), null when the type gets none. */
  aidePerEtp: number | null;
  clients: Range | null;
  staff: Range;
  entriesShare: Range;
  exitsShare: Range;
  durable: Range;
  transition: Range;
  positive: Range;
}

export const PROFILES: Partial<Record<string, Profile>> = {
  AI: {
    persons: [80, 240],
    hoursPerPerson: [150, 350],
    revenuePerHour: [19, 23],
    subsidies: [10_000, 60_000],
    aidePerEtp: 1_619,
    clients: [80, 500],
    staff: [3, 8],
    entriesShare: [0.4, 0.6],
    exitsShare: [0.35, 0.5],
    durable: [0.15, 0.3],
    transition: [0.2, 0.35],
    positive: [0.05, 0.15],
  },
  ACI: {
    persons: [20, 40],
    hoursPerPerson: [700, 1_000],
    revenuePerHour: [4, 10],
    subsidies: [150_000, 450_000],
    aidePerEtp: 23_921,
    clients: null,
    staff: [4, 9],
    entriesShare: [0.45, 0.65],
    exitsShare: [0.4, 0.55],
    durable: [0.1, 0.2],
    transition: [0.15, 0.3],
    positive: [0.1, 0.2],
  },
  ETTI: {
    persons: [60, 200],
    hoursPerPerson: [300, 600],
    revenuePerHour: [24, 30],
    subsidies: [5_000, 30_000],
    aidePerEtp: 4_781,
    clients: [30, 150],
    staff: [2, 6],
    entriesShare: [0.45, 0.6],
    exitsShare: [0.4, 0.55],
    durable: [0.2, 0.35],
    transition: [0.2, 0.3],
    positive: [0.05, 0.1],
  },
  EI: {
    persons: [15, 50],
    hoursPerPerson: [900, 1_300],
    revenuePerHour: [30, 60],
    subsidies: [5_000, 40_000],
    aidePerEtp: 12_459,
    clients: null,
    staff: [3, 10],
    entriesShare: [0.35, 0.55],
    exitsShare: [0.3, 0.5],
    durable: [0.2, 0.35],
    transition: [0.15, 0.3],
    positive: [0.05, 0.15],
  },
  EITI: {
    persons: [10, 30],
    hoursPerPerson: [200, 500],
    revenuePerHour: [10, 20],
    subsidies: [20_000, 80_000],
    aidePerEtp: 6_570,
    clients: null,
    staff: [1, 3],
    entriesShare: [0.4, 0.6],
    exitsShare: [0.3, 0.5],
    durable: [0.2, 0.4],
    transition: [0.1, 0.2],
    positive: [0.05, 0.1],
  },
  EBE: {
    persons: [30, 80],
    hoursPerPerson: [1_200, 1_500],
    revenuePerHour: [3, 8],
    subsidies: [400_000, 1_200_000],
    aidePerEtp: null,
    clients: null,
    staff: [3, 8],
    entriesShare: [0.2, 0.35],
    exitsShare: [0.05, 0.15],
    durable: [0.3, 0.5],
    transition: [0.1, 0.2],
    positive: [0.05, 0.1],
  },
};

/** A GES groups conventions that answer on their own: it has no people in pathways of its own. */
export const answersAsSiae = (type: string) => PROFILES[type] !== undefined;

const HOURS_PER_ETP = 1607;

/**
 * The figures of one convention for one year. The size of the structure comes from
 * `base` (the same every year); the year's draw moves it by a few percent and sets the
 * shares, so two consecutive years stay close (the catalogue warns beyond 50 %).
 */
export function syntheticFigures(
  type: string,
  base: () => number,
  year: () => number,
): Record<string, number> {
  const profile = PROFILES[type];
  if (!profile) throw new Error(`no synthetic profile for ${type}`);
  const pick = (random: () => number, [min, max]: Range) => min + (max - min) * random();
  const drift = () => 0.95 + 0.1 * year();
  const share = (range: Range) => pick(year, range);

  const persons = Math.max(3, Math.round(pick(base, profile.persons) * drift()));
  const hoursPaid = Math.round(persons * pick(base, profile.hoursPerPerson) * drift());
  const etpPathway = Math.round((hoursPaid / HOURS_PER_ETP) * 100) / 100;
  const entries = Math.min(persons, Math.round(persons * share(profile.entriesShare)));
  const entrantsWomen = Math.round(entries * share([0.3, 0.55]));
  const entrantsUnder26 = Math.round(entries * share([0.1, 0.25]));
  const entrants50Plus = Math.round(entries * share([0.15, 0.3]));
  const entrantsDeld = Math.round(entries * share([0.3, 0.6]));
  const exitsTotal = Math.round(persons * share(profile.exitsShare));
  // Each category within what is left, so that the categories always add up to the total.
  const exitsDurable = Math.min(exitsTotal, Math.round(exitsTotal * share(profile.durable)));
  const exitsTransition = Math.min(
    exitsTotal - exitsDurable,
    Math.round(exitsTotal * share(profile.transition)),
  );
  const exitsPositive = Math.min(
    exitsTotal - exitsDurable - exitsTransition,
    Math.round(exitsTotal * share(profile.positive)),
  );
  const staffHeadcount = Math.max(1, Math.round(pick(base, profile.staff)));
  const staffEtp = Math.round(staffHeadcount * share([0.75, 0.95]) * 10) / 10;
  const revenue = Math.round(hoursPaid * pick(base, profile.revenuePerHour) * drift());
  const subsidies = Math.round(pick(base, profile.subsidies) * drift());
  const aideAuPoste =
    profile.aidePerEtp === null ? 0 : Math.round(etpPathway * profile.aidePerEtp * share([0.95, 1]));
  const payroll = Math.round(hoursPaid * share([15.5, 17.5]) + staffEtp * share([40_000, 50_000]));
  const figures: Record<string, number> = {
    hoursPaid,
    etpPathway,
    persons,
    entries,
    entrantsWomen,
    entrantsMen: entries - entrantsWomen,
    entrantsUnder26,
    entrants26to49: entries - entrantsUnder26 - entrants50Plus,
    entrants50Plus,
    entrantsRsa: Math.round(entries * share([0.2, 0.45])),
    entrantsDeld,
    entrantsDetld: Math.round(entrantsDeld * share([0.4, 0.7])),
    entrantsQpv: Math.round(entries * share([0.05, 0.2])),
    entrantsRqth: Math.round(entries * share([0.05, 0.15])),
    entrantsNoQualification: Math.round(entries * share([0.3, 0.55])),
    staffHeadcount,
    staffEtp,
    revenue,
    subsidies,
    payroll,
    netResult: Math.round((revenue + subsidies + aideAuPoste) * share([-0.04, 0.06])),
    exitsTotal,
    exitsDurable,
    exitsTransition,
    exitsPositive,
    exitsOther: exitsTotal - exitsDurable - exitsTransition - exitsPositive,
  };
  if (profile.aidePerEtp !== null) figures.aideAuPoste = aideAuPoste;
  if (profile.clients) figures.clients = Math.round(pick(base, profile.clients) * drift());
  return figures;
}
