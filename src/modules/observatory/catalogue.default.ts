import type { ConventionType } from '../members/members.table.ts';
import type { IndicatorRule, IndicatorUnit } from './observatory.table.ts';

/**
 * The indicators a first campaign starts from (`../shared/docs/domain.md` §3): activity,
 * people in pathways and the profile of entrants, permanent staff, economy, exits by
 * category. Staff edit the copy of a campaign; later campaigns copy the previous one.
 * Dynamic exits and their rate are computed from the exit categories, not entered.
 */
export interface DefaultIndicator {
  code: string;
  section: 'activity' | 'people' | 'entrants' | 'staff' | 'economy' | 'exits';
  label: string;
  definition: string;
  unit: IndicatorUnit;
  appliesTo: ConventionType[];
  required: boolean;
  rules: IndicatorRule[];
}

const SIAE: ConventionType[] = ['AI', 'ACI', 'EI', 'ETTI'];
const nonNegative: IndicatorRule = { kind: 'range', min: 0, severity: 'error' };
const integer: IndicatorRule = { kind: 'integer', severity: 'error' };
const moved = (ratio: number): IndicatorRule => ({ kind: 'change', ratio, severity: 'warning' });
const count = (
  code: string,
  section: DefaultIndicator['section'],
  label: string,
  definition: string,
  extra: Partial<DefaultIndicator> = {},
): DefaultIndicator => ({
  code,
  section,
  label,
  definition,
  unit: 'count',
  appliesTo: [],
  required: true,
  rules: [nonNegative, integer],
  ...extra,
});
const ofEntrants = (code: string, label: string, definition: string): DefaultIndicator =>
  count(code, 'entrants', label, definition, {
    required: false,
    rules: [nonNegative, integer, { kind: 'atMost', of: 'entries', severity: 'error' }],
  });

export const DEFAULT_INDICATORS: DefaultIndicator[] = [
  // Activity
  {
    code: 'hoursPaid',
    section: 'activity',
    label: 'Heures rémunérées des salariés en parcours',
    definition: 'Heures payées dans l’année aux personnes en parcours d’insertion.',
    unit: 'hours',
    appliesTo: [],
    required: true,
    rules: [nonNegative, moved(0.5)],
  },
  {
    code: 'etpPathway',
    section: 'activity',
    label: 'ETP des salariés en parcours',
    definition: 'Équivalents temps plein : heures rémunérées / 1 607.',
    unit: 'etp',
    appliesTo: [],
    required: true,
    rules: [
      nonNegative,
      { kind: 'ratio', of: 'hoursPaid', divisor: 1607, tolerance: 0.05, severity: 'warning' },
    ],
  },
  count(
    'clients',
    'activity',
    'Clients',
    'Clients (particuliers, entreprises, collectivités) servis dans l’année.',
    {
      required: false,
      appliesTo: ['AI', 'ETTI'],
    },
  ),
  // People in pathways
  count(
    'persons',
    'people',
    'Personnes en parcours',
    'Personnes salariées en parcours à un moment de l’année.',
    {
      rules: [nonNegative, integer, moved(0.5)],
    },
  ),
  count('entries', 'people', 'Entrées', 'Personnes entrées en parcours dans l’année.', {
    rules: [
      nonNegative,
      integer,
      { kind: 'atMost', of: 'persons', severity: 'error' },
      // Women + men = entries: the profile covers every entrant.
      { kind: 'sum', parts: ['entrantsWomen', 'entrantsMen'], severity: 'error' },
    ],
  }),
  // Profile of entrants
  count('entrantsWomen', 'entrants', 'Entrants : femmes', 'Femmes parmi les entrées.', {
    rules: [nonNegative, integer],
  }),
  count('entrantsMen', 'entrants', 'Entrants : hommes', 'Hommes parmi les entrées.', {
    rules: [nonNegative, integer],
  }),
  ofEntrants('entrantsUnder26', 'Entrants de moins de 26 ans', 'Entrées de personnes de moins de 26 ans.'),
  ofEntrants('entrants26to49', 'Entrants de 26 à 49 ans', 'Entrées de personnes de 26 à 49 ans.'),
  ofEntrants('entrants50Plus', 'Entrants de 50 ans et plus', 'Entrées de personnes de 50 ans et plus.'),
  ofEntrants('entrantsRsa', 'Entrants bénéficiaires du RSA', 'Entrées de bénéficiaires du RSA.'),
  ofEntrants('entrantsDeld', 'Entrants DELD (12 mois et plus)', 'Demandeurs d’emploi de longue durée.'),
  ofEntrants(
    'entrantsDetld',
    'Entrants DETLD (24 mois et plus)',
    'Demandeurs d’emploi de très longue durée.',
  ),
  ofEntrants('entrantsQpv', 'Entrants résidant en QPV', 'Résidents d’un quartier prioritaire de la ville.'),
  ofEntrants('entrantsRqth', 'Entrants RQTH', 'Personnes reconnues travailleurs handicapés.'),
  ofEntrants(
    'entrantsNoQualification',
    'Entrants sans qualification',
    'Entrées de personnes sans diplôme ni qualification (niveau infra 3).',
  ),
  // Permanent staff
  count(
    'staffHeadcount',
    'staff',
    'Salariés permanents',
    'Encadrants, accompagnateurs et fonctions support au 31 décembre.',
  ),
  {
    code: 'staffEtp',
    section: 'staff',
    label: 'ETP des salariés permanents',
    definition: 'Équivalents temps plein des salariés permanents.',
    unit: 'etp',
    appliesTo: [],
    required: true,
    rules: [nonNegative],
  },
  // Economy
  {
    code: 'revenue',
    section: 'economy',
    label: 'Chiffre d’affaires',
    definition: 'Ventes de biens et de services de l’exercice (comptes 70).',
    unit: 'euros',
    appliesTo: [],
    required: true,
    rules: [nonNegative, moved(0.5)],
  },
  {
    code: 'subsidies',
    section: 'economy',
    label: 'Subventions d’exploitation',
    definition: 'Subventions d’exploitation hors aide au poste (comptes 74).',
    unit: 'euros',
    appliesTo: [],
    required: false,
    rules: [nonNegative],
  },
  {
    code: 'aideAuPoste',
    section: 'economy',
    label: 'Aide au poste',
    definition: 'Aide financière de l’État par poste en insertion.',
    unit: 'euros',
    appliesTo: SIAE,
    required: true,
    rules: [nonNegative],
  },
  {
    code: 'payroll',
    section: 'economy',
    label: 'Masse salariale',
    definition: 'Salaires et charges sociales de l’exercice (comptes 64), parcours et permanents.',
    unit: 'euros',
    appliesTo: [],
    required: true,
    rules: [nonNegative, moved(0.5)],
  },
  {
    code: 'netResult',
    section: 'economy',
    label: 'Résultat net',
    definition: 'Résultat de l’exercice (peut être négatif).',
    unit: 'euros',
    appliesTo: [],
    required: true,
    rules: [],
  },
  // Exits
  count('exitsTotal', 'exits', 'Sorties', 'Personnes sorties de parcours dans l’année (toutes catégories).', {
    rules: [
      nonNegative,
      integer,
      {
        kind: 'sum',
        parts: ['exitsDurable', 'exitsTransition', 'exitsPositive', 'exitsOther'],
        severity: 'error',
      },
    ],
  }),
  count(
    'exitsDurable',
    'exits',
    'Sorties vers l’emploi durable',
    'CDI, CDD ou mission d’intérim de 6 mois et plus, titularisation, création d’entreprise.',
  ),
  count(
    'exitsTransition',
    'exits',
    'Sorties vers l’emploi de transition',
    'CDD ou mission de moins de 6 mois, contrat aidé chez un employeur de droit commun.',
  ),
  count(
    'exitsPositive',
    'exits',
    'Sorties positives',
    'Formation qualifiante, embauche dans une autre SIAE.',
  ),
  count('exitsOther', 'exits', 'Autres sorties', 'Toutes les autres sorties (chômage, inconnue…).'),
];

/** Dynamic exits (durable + transition + positive) and their rate over all exits. */
export function dynamicExits(values: Record<string, number | undefined>) {
  const dynamic = (values.exitsDurable ?? 0) + (values.exitsTransition ?? 0) + (values.exitsPositive ?? 0);
  const total = values.exitsTotal ?? 0;
  return { dynamic, total, rate: total > 0 ? dynamic / total : null };
}
