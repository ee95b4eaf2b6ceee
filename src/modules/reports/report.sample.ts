/**
 * A hand-made report of a made-up delegation, for the renderers' tests and the benchmark
 * before the database is involved: two departments, a board, two staff, key figures of
 * both sources (one missing), a chronicle with empty months, accents everywhere and a
 * title that tries to inject a script.
 */
import { monthName } from './report.format.ts';
import type { AnnualReport, KeyFigures, ReportAction, ReportDepartment } from './report.types.ts';

export const INJECTION = '<script>alert(1)</script>';

const action = (
  id: string,
  date: string,
  title: string,
  extra: Partial<ReportAction> = {},
): ReportAction => ({
  id,
  date,
  datePrecision: 'day',
  title,
  summary: null,
  kind: 'event',
  place: null,
  participants: null,
  partners: [],
  members: [],
  ...extra,
});

const figures: KeyFigures = {
  membersTotal: {
    value: 6,
    unit: 'count',
    label: 'Adhérents',
    source: 'computed',
    from: '6 conventions en cours en 2023',
    group: 'members',
  },
  observatoryMembers: {
    value: 5,
    unit: 'count',
    label: "Adhérents répondant à l'observatoire",
    source: 'declared',
    from: 'Observatoire régional 2023 (données 2022)',
    group: 'observatory',
  },
  observatoryRevenue: {
    value: 4_250_000,
    unit: 'euros',
    label: "Chiffre d'affaires des adhérents",
    source: 'declared',
    from: 'Observatoire régional 2023 (données 2022)',
    group: 'observatory',
  },
  observatoryWages: {
    value: 3_180_000,
    unit: 'euros',
    label: 'Salaires versés',
    source: 'declared',
    from: 'Observatoire régional 2023 (données 2022)',
    group: 'observatory',
  },
  peopleInPathways: {
    value: 4950,
    unit: 'people',
    label: 'Personnes en parcours',
    source: 'declared',
    from: 'Observatoire régional 2023 (données 2022)',
    detail: 'personnes accompagnées vers l’emploi',
    qualifier: 'about',
    group: 'observatory',
  },
  trainees: {
    value: 38,
    unit: 'people',
    label: 'Stagiaires formés',
    source: 'computed',
    from: '4 sessions de formation de 2023',
    group: 'trainings',
  },
  trainingHours: {
    value: 1761,
    unit: 'hours',
    label: 'Heures de formation',
    source: 'computed',
    from: '4 sessions de formation de 2023',
    group: 'trainings',
  },
  gepMeetings: {
    value: 7,
    unit: 'count',
    label: "Rencontres d'échanges de pratiques",
    source: 'computed',
    from: "7 rencontres de 2 groupes d'échanges",
    group: 'practiceGroups',
  },
  fsePlusMembers: {
    value: 3,
    unit: 'count',
    label: 'Adhérents appuyés pour le FSE+',
    source: 'declared',
    from: 'Bilan FSE+ de l’équipe, décembre 2023',
    group: 'support',
  },
  zestSessions: {
    value: 2,
    unit: 'count',
    label: "Sessions ZEST'",
    source: 'computed',
    from: "2 sessions ZEST' de 2023",
    group: 'programmes',
  },
  zestTrainees: {
    value: null,
    unit: 'people',
    label: "Salariés formés par ZEST'",
    source: 'computed',
    from: "aucune inscription ZEST' saisie pour 2023",
    group: 'programmes',
  },
  ptcePhase1: {
    value: 2,
    unit: 'count',
    label: 'PTCE en phase 1',
    source: 'declared',
    from: 'Cellule régionale PTCE, 31 décembre 2023',
    group: 'programmes',
  },
  tzcldTerritories: {
    value: 1,
    unit: 'count',
    label: 'Territoires zéro chômeur habilités',
    source: 'computed',
    from: '1 projet TZCLD suivi',
    group: 'programmes',
  },
  certificationRenewals: {
    value: 4,
    unit: 'count',
    label: 'Certifications renouvelées',
    source: 'computed',
    from: '4 audits de renouvellement réussis en 2023',
    group: 'programmes',
  },
  fundersInGuide: {
    value: 43,
    unit: 'count',
    label: 'Fondations du guide des financeurs',
    source: 'computed',
    from: 'guide des financeurs à jour',
    group: 'funders',
  },
  actions: {
    value: 6,
    unit: 'count',
    label: 'Actions publiques',
    source: 'computed',
    from: '6 actions publiques de 2023',
    group: 'events',
  },
  participants: {
    value: 215,
    unit: 'people',
    label: 'Participants aux actions',
    source: 'computed',
    from: '6 actions publiques de 2023',
    group: 'events',
  },
  satisfaction: {
    value: 87.5,
    unit: 'percent',
    label: 'Participants satisfaits',
    source: 'declared',
    from: 'Questionnaires de fin de journée',
    group: 'events',
  },
};

const departments: ReportDepartment[] = [
  {
    code: '15',
    name: 'Cantal',
    count: 3,
    organisations: [
      {
        name: 'LES JARDINS DE LA PLANÈZE',
        types: ['ACI'],
        address: '2 chemin des Prés',
        postcode: '15100',
        city: 'SAINT-FLOUR',
        phone: '04 71 00 00 01',
        email: 'contact@jardins-planeze.example',
      },
      {
        name: 'ENTRAIDE CANTALIENNE',
        types: ['AI', 'ACI'],
        address: '14 rue de l’Élysée',
        postcode: '15000',
        city: 'AURILLAC',
        phone: '04 71 00 00 02',
        email: null,
      },
    ],
  },
  {
    code: '43',
    name: 'Haute-Loire',
    count: 3,
    organisations: [
      {
        name: 'VELAY TRAVAIL TEMPORAIRE',
        types: ['ETTI'],
        address: '5 place du Breuil',
        postcode: '43000',
        city: 'LE PUY-EN-VELAY',
        phone: null,
        email: 'vtt@velay.example',
      },
      {
        name: 'ÉCO-RESSOURCERIE DU MÉZENC',
        types: ['ACI'],
        address: null,
        postcode: '43150',
        city: 'LE MONASTIER',
        phone: '04 71 00 00 04',
        email: 'bonjour@mezenc.example',
      },
      {
        name: 'TERRITOIRE ZÉRO CHÔMEUR DU BRIVADOIS',
        types: ['EBE'],
        address: 'Zone des Rivaux',
        postcode: '43100',
        city: 'BRIOUDE',
        phone: '04 71 00 00 05',
        email: null,
      },
    ],
  },
];

const actionsByMonth: Record<number, ReportAction[]> = {
  1: [
    action('a1', '2023-01-19', 'Vœux aux adhérents', {
      place: 'Aurillac',
      participants: { value: 40, qualifier: 'environ', label: 'participants' },
    }),
  ],
  3: [
    action('a2', '2023-03-01', `Atelier « coopérations » ${INJECTION}`, {
      summary:
        'Un atelier **très** suivi sur les *coopérations* territoriales.\n\n- mutualisation\n- achats responsables',
      place: 'Saint-Flour',
      participants: { value: 25, qualifier: 'plus de', label: 'participants' },
      partners: ['Région Auvergne-Rhône-Alpes'],
      members: ['LES JARDINS DE LA PLANÈZE'],
    }),
    action('a3', '2023-03-01', 'Bilan des groupes d’échanges', { datePrecision: 'month' }),
  ],
  6: [
    action('a4', '2023-06-15', 'Assemblée générale', {
      place: 'Brioude',
      participants: { value: 60, qualifier: null, label: 'participants' },
    }),
  ],
  10: [
    action('a5', '2023-10-05', 'Journée IAE et handicap', {
      summary: 'Rencontre entre ESAT, EA et SIAE.',
      participants: { value: 80, qualifier: 'plus de', label: 'participants' },
    }),
  ],
  12: [
    action('a6', '2023-12-07', "Regroupement ZEST'", {
      place: 'Le Puy-en-Velay',
      partners: ['DREETS', 'Uniformation'],
    }),
  ],
};

export function sampleReport(): AnnualReport {
  return {
    schemaVersion: 1,
    year: 2023,
    scope: 'delegation',
    generatedAt: '2024-03-02T09:30:00.000Z',
    frozen: { at: '2024-03-04T16:00:00.000Z', by: 'Élodie Martin' },
    delegation: {
      slug: 'hautes-terres',
      name: 'Réseau Solidaire des Hautes-Terres',
      network: 'Fédération des entreprises d’insertion imaginaires',
      region: 'Auvergne-Rhône-Alpes',
      departmentsCovered: [
        { code: '15', name: 'Cantal' },
        { code: '43', name: 'Haute-Loire' },
      ],
      addresses: [{ line: '3 rue des Volcans', postcode: '15000', city: 'Aurillac' }],
      phone: '04 71 00 00 00',
      email: 'contact@hautes-terres.example',
      website: 'https://hautes-terres.example',
      missions: [
        { code: 'represent', label: '**REPRÉSENTER** les intérêts des adhérents' },
        { code: 'animate', label: '**ANIMER** un réseau entre acteurs solidaires' },
      ],
      objectives: [
        {
          number: 1,
          axis: 'Renforcer le pouvoir d’agir',
          text: 'Renforcer le pouvoir d’agir des personnes sur le marché du travail.',
        },
        {
          number: 2,
          axis: 'Renforcer le pouvoir d’agir',
          text: 'Impliquer les personnes dans les métiers de demain.',
        },
        {
          number: null,
          axis: 'Territoires solidaires',
          text: 'Favoriser les coopérations entre acteurs du territoire.',
        },
      ],
    },
    texts: {
      presidentWord:
        'Bonjour à toutes et à tous,\n\nCette année a été **exigeante** et *riche* : merci à l’équipe.\n\n- des adhérents mobilisés\n- des partenaires fidèles',
      presidentSignature: 'Anne-Sophie Éluard, présidente',
      priorities: '',
    },
    members: {
      total: 6,
      byType: { ACI: 3, AI: 1, ETTI: 1, EBE: 1 },
      organisations: 5,
      byDepartment: departments,
    },
    board: [
      {
        person: 'Anne-Sophie Éluard',
        role: 'Présidente',
        organisation: 'ENTRAIDE CANTALIENNE',
        department: '15',
        nationalRepresentative: true,
      },
      {
        person: 'Joël Crémieux',
        role: 'Trésorier',
        organisation: 'VELAY TRAVAIL TEMPORAIRE',
        department: '43',
        nationalRepresentative: false,
      },
      {
        person: 'Maëlle Côté',
        role: 'Secrétaire',
        organisation: 'ÉCO-RESSOURCERIE DU MÉZENC',
        department: '43',
        nationalRepresentative: true,
      },
      {
        person: 'Noël Dufour',
        role: 'Administrateur',
        organisation: null,
        department: '15',
        nationalRepresentative: false,
      },
    ],
    assembly: { date: '2023-06-15', place: 'Brioude' },
    staff: [
      {
        person: 'Françoise Bérard',
        title: 'Déléguée régionale',
        missions: ['Représentation', 'Animation du réseau'],
      },
      { person: 'Loïc Ménard', title: 'Chargé de mission', missions: ["Démarche ZEST'"] },
    ],
    keyFigures: figures,
    chronicle: Array.from({ length: 12 }, (_, i) => ({
      month: i + 1,
      label: monthName(i + 1),
      actions: actionsByMonth[i + 1] ?? [],
    })),
    partners: [
      { name: 'Région Auvergne-Rhône-Alpes', kind: 'Collectivité' },
      { name: 'DREETS', kind: 'État' },
      { name: 'Uniformation', kind: null },
    ],
  };
}

/**
 * The sample grown to the demo's size (≈53 organisations, 24 actions, ~30 figures) for
 * timing the renderers when no database is at hand.
 */
export function largeSampleReport(): AnnualReport {
  const report = sampleReport();
  const template = report.members.byDepartment.flatMap((d) => d.organisations);
  report.members.byDepartment = Array.from({ length: 11 }, (_, d) => ({
    code: String(10 + d),
    name: `Département ${d + 1}`,
    count: 5,
    organisations: Array.from({ length: 5 }, (_, i) => {
      const base = template[(d + i) % template.length] as (typeof template)[number];
      return { ...base, name: `${base.name} ${d * 5 + i + 1}` };
    }),
  }));
  report.members.organisations = 55;
  report.members.total = 55;
  const summary = 'Une journée **riche** en échanges avec les adhérents et les partenaires. '.repeat(6);
  report.chronicle = report.chronicle.map((m) => ({
    ...m,
    actions: [1, 2].map((k) =>
      action(
        `m${m.month}-${k}`,
        `2023-${String(m.month).padStart(2, '0')}-1${k}`,
        `Action ${k} de ${m.label}`,
        {
          summary: `${summary}\n\n${summary}`,
          place: 'Aurillac',
          participants: { value: 20 * k, qualifier: null, label: 'participants' },
        },
      ),
    ),
  }));
  for (let i = 0; i < 12; i++) {
    report.keyFigures[`extra${i}`] = {
      value: 100 * (i + 1),
      unit: i % 2 ? 'count' : 'hours',
      label: `Indicateur complémentaire ${i + 1}`,
      source: i % 3 ? 'computed' : 'declared',
      from: 'Données de démonstration',
      group: i % 2 ? 'support' : 'events',
    };
  }
  return report;
}
