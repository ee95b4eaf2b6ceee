/**
 * The yearly activity report as data: what `buildAnnualReport` assembles from the
 * records, what the renderers (HTML, PDF, DOCX) draw, what `GET …?format=json` and
 * `npx maillage report annual --format json` print, and what a frozen report keeps.
 * The JSON shape is documented in the README ("Activity report"); keep them in step.
 */

export type ReportFormat = 'html' | 'pdf' | 'docx' | 'json';
export const REPORT_FORMATS: readonly ReportFormat[] = ['html', 'pdf', 'docx', 'json'];

export type FigureUnit = 'count' | 'people' | 'hours' | 'euros' | 'percent';

/** Where a key figure comes from: counted from detailed records, or a total a source declares. */
export type FigureSource = 'computed' | 'declared';

/** The section of the report a key figure belongs to (its heading in the outputs). */
export type FigureGroup =
  | 'members'
  | 'observatory'
  | 'trainings'
  | 'practiceGroups'
  | 'support'
  | 'programmes'
  | 'funders'
  | 'events';

export interface KeyFigure {
  /** null when the year has no data for it: shown as "non renseigné", never as 0. */
  value: number | null;
  unit: FigureUnit;
  /** French label, as printed: "Heures de formation". */
  label: string;
  source: FigureSource;
  /**
   * Where from, in French: for `computed`, the records counted ("24 actions publiques
   * de 2024"); for `declared`, the source stated with the declared total.
   */
  from: string;
  group: FigureGroup;
  /** True when the figure comes from generated demo data (a synthetic campaign). */
  synthetic?: boolean;
  /** How the source qualifies a declared value: 'about' for "près de 5 000". */
  qualifier?: 'exact' | 'at_least' | 'about';
  /** For `declared`: the label the source gives with its total (longer than `label`). */
  detail?: string;
}

/**
 * Ids the checks look for (keep them stable): membersTotal, observatoryMembers,
 * observatoryRevenue, observatoryWages, peopleInPathways, trainees, trainingHours,
 * gepMeetings, fsePlusMembers, zestSessions, zestTrainees, ptcePhase1, ptcePhase2,
 * tzcldTerritories, certificationRenewals, fundersInGuide, actions, participants.
 * More may be added freely.
 */
export type KeyFigures = Record<string, KeyFigure>;

export interface ReportOrganisation {
  name: string;
  /** Convention types as printed after the name: ["AI", "ACI", "GES"]. */
  types: string[];
  address: string | null;
  postcode: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
}

export interface ReportDepartment {
  /** "09", "2A"… */
  code: string;
  /** "Ariège" */
  name: string;
  /** Member units counted in this department by the counting rule (members.stats.ts). */
  count: number;
  /** The directory as printed: every member organisation listed under this department. */
  organisations: ReportOrganisation[];
}

export interface ReportBoardMember {
  person: string;
  /** French role label: "Présidence", "Trésorerie", "Administrateur·rice"… */
  role: string;
  /** The role as recorded (board_role), null for a director without office. */
  roleCode?: 'president' | 'vice_president' | 'treasurer' | 'secretary' | 'bureau_member' | null;
  organisation: string | null;
  department: string | null;
  /** Also a national representative of the network. */
  nationalRepresentative: boolean;
}

export interface ReportStaffMember {
  person: string;
  title: string;
  missions: string[];
}

export interface ReportAction {
  id: string;
  /** ISO date; with `datePrecision` 'month' only the month is meaningful. */
  date: string;
  datePrecision: 'day' | 'month';
  title: string;
  summary: string | null;
  /** French label of the kind: "Journée régionale", "Webinaire"… */
  kind: string;
  /** The kind as recorded (actions.kind): "regional_day". */
  kindCode?: string;
  place: string | null;
  /** As recorded: value and qualifier ("plus de" 80, "environ" 150). */
  participants: { value: number; qualifier: string | null; label: string } | null;
  partners: string[];
  members: string[];
}

export interface ReportMonth {
  /** 1–12 */
  month: number;
  /** "janvier" */
  label: string;
  actions: ReportAction[];
}

export interface ReportTexts {
  /** Small markup (report.markup.ts); '' when not written yet. */
  presidentWord: string;
  presidentSignature: string;
  priorities: string;
}

export interface AnnualReport {
  /** Version of this shape; bump when a field changes meaning. */
  schemaVersion: 1;
  year: number;
  /** 'delegation' for one delegation; 'national' for the federation roll-up. */
  scope: 'delegation' | 'national';
  generatedAt: string;
  frozen: { at: string; by: string | null } | null;
  delegation: {
    slug: string;
    name: string;
    network: string | null;
    region: string | null;
    departmentsCovered: { code: string; name: string }[];
    addresses: { line: string; postcode: string; city: string }[];
    phone: string | null;
    email: string | null;
    website: string | null;
    missions: { code: string; label: string }[];
    objectives: { number: number | null; axis: string; text: string }[];
    /** The cover's line under the title (delegation settings); absent from reports frozen before it. */
    tagline?: string | null;
  };
  texts: ReportTexts;
  members: {
    /** Member units by the documented counting rule (53 in the demo). */
    total: number;
    /** Keyed by convention type: { AI: 23, ACI: 23, ETTI: 3, EI: 2, GES: 1, EBE: 1 }. */
    byType: Record<string, number>;
    /** Number of distinct member organisations. */
    organisations: number;
    byDepartment: ReportDepartment[];
  };
  /** The board in office at the end of the year (elected at the latest assembly). */
  board: ReportBoardMember[];
  /** The general assembly of the year that elected it, if any. */
  assembly: { date: string; place: string | null } | null;
  staff: ReportStaffMember[];
  keyFigures: KeyFigures;
  /** Every month of the year, in order, with the public actions dated in it. */
  chronicle: ReportMonth[];
  /** Partners thanked: from the partners registry, those linked to the year's actions first. */
  partners: { name: string; kind: string | null }[];
  /** Only for scope 'national': one line per delegation. */
  delegations?: { slug: string; name: string; membersTotal: number; actions: number }[];
}

/** Steps a generation reports, in order, so the app can show progress. */
export interface ReportProgress {
  step: string;
  /** French label of the step: "Adhérents", "Chronique", "Mise en page PDF"… */
  label: string;
  done: number;
  total: number;
}

export type OnProgress = (progress: ReportProgress) => void;

/** A key figure compared between two years. */
export interface FigureComparison {
  id: string;
  label: string;
  unit: FigureUnit;
  from: number | null;
  to: number | null;
  /** to - from, null when either is missing. */
  delta: number | null;
  trend: 'up' | 'down' | 'same' | 'unknown';
}
