/**
 * The report's key figures, keyed by stable English ids. Each is either computed from
 * the records (saying which) or declared by a source (saying which), never a sum of
 * both (docs/decisions/009): when a declared total exists under an id, it is the figure,
 * and the count from the records, when there are any, goes to `<id>Recorded`.
 */
import type { Tx } from '../../db/client.ts';
import { type DeclaredFigure, declaredFigures } from '../figures/figures.service.ts';
import { fundersInGuide } from '../funders/funders.service.ts';
import { CONVENTION_TYPE_LABELS } from '../members/members.schemas.ts';
import { practiceGroupStats } from '../practice-groups/stats.service.ts';
import { certificationStats } from '../quality-approaches/certifications.service.ts';
import { supportStats } from '../support/dashboard.service.ts';
import { territoryStats } from '../territories/territories.stats.ts';
import { trainingTotals } from '../trainings/totals.service.ts';
import { observatoryFigures } from './report.observatory.ts';
import type {
  AnnualReport,
  FigureGroup,
  FigureUnit,
  KeyFigure,
  KeyFigures,
  ReportAction,
} from './report.types.ts';

interface Counted {
  id: string;
  label: string;
  unit: FigureUnit;
  group: FigureGroup;
  /** null when there is no record to count. */
  value: number | null;
  from: string;
}

// Groups of declared figures that no record computes (e.g. antiDiscriminationStructures).
const DECLARED_GROUPS: Record<string, FigureGroup> = {
  antiDiscriminationStructures: 'support',
};

const nothing = (what: string) => `Aucun enregistrement : ${what}`;

function declaredFigure(d: DeclaredFigure, spec?: Counted): KeyFigure {
  return {
    value: d.value,
    unit: spec?.unit ?? d.unit,
    label: spec?.label ?? d.label,
    source: 'declared',
    from: d.source,
    group: spec?.group ?? DECLARED_GROUPS[d.key] ?? 'support',
    detail: d.label,
  };
}

function participantsFigure(actions: ReportAction[], year: number): Counted {
  const counted = actions.filter((a) => a.participants !== null);
  const value = counted.reduce((sum, a) => sum + (a.participants?.value ?? 0), 0);
  const atLeast = counted.filter((a) => a.participants?.qualifier === 'plus de').length;
  const about = counted.filter((a) => a.participants?.qualifier === 'environ').length;
  const qualified = [atLeast ? `${atLeast} « plus de »` : '', about ? `${about} « environ »` : '']
    .filter(Boolean)
    .join(', ');
  return {
    id: 'participants',
    label: 'Participants aux actions publiques',
    unit: 'people',
    group: 'events',
    value: counted.length > 0 ? value : null,
    from:
      counted.length > 0
        ? `Somme des participants de ${counted.length} action(s) publique(s) de ${year} sur ${actions.length} dont le nombre est connu${qualified ? ` (dont ${qualified} : minimum)` : ''}`
        : nothing(`nombre de participants des actions publiques de ${year}`),
  };
}

async function countedFigures(
  tx: Tx,
  year: number,
  members: AnnualReport['members'],
  actions: ReportAction[],
): Promise<Counted[]> {
  const trainings = await trainingTotals(tx, year);
  const groups = await practiceGroupStats(tx, year);
  const support = await supportStats(tx, year);
  const certifications = await certificationStats(tx, year);
  const territories = (await territoryStats(tx, year)).computed;
  const funders = await fundersInGuide(tx);
  const hasMembers = members.total > 0;
  // Sessions recorded without any trainee or count say nothing of how many were trained.
  const hasSessions = trainings.computed.sessions > 0 && trainings.computed.trainees > 0;
  const sessions = `${trainings.computed.sessions} session(s) de formation de ${year}`;
  const hasFiles = support.totals.files > 0;
  const files = `${support.totals.files} dossier(s) d'accompagnement actif(s) en ${year}`;
  // A phase is counted only when some project records its phase: otherwise "0 in phase 1" would be made up.
  const phased = territories.ptcePhase1 + territories.ptcePhase2;
  const ptceFrom = `PTCE en cours au 31 décembre ${year} selon les fiches projets (${phased} de phase connue, ${territories.ptcePhaseUnknown} de phase non renseignée)`;
  const figure = (
    id: string,
    label: string,
    unit: FigureUnit,
    group: FigureGroup,
    value: number | null,
    from: string,
  ): Counted => ({ id, label, unit, group, value, from });
  return [
    figure(
      'membersTotal',
      'Adhérents',
      'count',
      'members',
      hasMembers ? members.total : null,
      hasMembers
        ? `Adhérents en ${year} selon la règle de comptage : une unité par établissement et type de convention, un GES compte une fois (${members.organisations} organisations)`
        : nothing(`adhérents en ${year}`),
    ),
    ...Object.entries(members.byType).map(([type, n]) =>
      figure(
        `members${type}`,
        `${CONVENTION_TYPE_LABELS[type as keyof typeof CONVENTION_TYPE_LABELS] ?? type} (${type})`,
        'count',
        'members',
        n,
        `Adhérents de type ${type} en ${year}, selon la règle de comptage`,
      ),
    ),
    figure(
      'organisations',
      'Organisations adhérentes',
      'count',
      'members',
      hasMembers ? members.organisations : null,
      hasMembers ? `Organisations ayant une période d'adhésion en ${year}` : nothing(`adhérents en ${year}`),
    ),
    figure(
      'trainees',
      'Stagiaires formés',
      'people',
      'trainings',
      hasSessions ? trainings.computed.trainees : null,
      hasSessions ? `Stagiaires de ${sessions}` : nothing(`sessions de formation de ${year}`),
    ),
    figure(
      'trainingHours',
      'Heures de formation',
      'hours',
      'trainings',
      hasSessions ? trainings.computed.hours : null,
      hasSessions ? `Heures-stagiaires de ${sessions}` : nothing(`sessions de formation de ${year}`),
    ),
    figure(
      'trainingSessions',
      'Sessions de formation',
      'count',
      'trainings',
      trainings.computed.sessions || null,
      trainings.computed.sessions
        ? `Sessions de formation commençant en ${year}`
        : nothing(`sessions de formation de ${year}`),
    ),
    figure(
      'gepMeetings',
      "Rencontres des groupes d'échange de pratiques",
      'count',
      'practiceGroups',
      groups.computed.meetings || null,
      groups.computed.meetings
        ? `Réunions de groupes d'échange de pratiques datées de ${year} (${groups.groups.length} groupe(s))`
        : nothing(`réunions de groupes d'échange de pratiques en ${year}`),
    ),
    figure(
      'supportFiles',
      "Dossiers d'accompagnement",
      'count',
      'support',
      hasFiles ? support.totals.files : null,
      hasFiles ? files : nothing(`dossiers d'accompagnement actifs en ${year}`),
    ),
    figure(
      'supportMembers',
      'Adhérents accompagnés',
      'count',
      'support',
      hasFiles ? support.totals.members : null,
      hasFiles ? `Adhérents distincts des ${files}` : nothing(`dossiers d'accompagnement actifs en ${year}`),
    ),
    figure(
      'supportHours',
      "Heures d'accompagnement",
      'hours',
      'support',
      support.totals.minutes > 0 ? support.totals.hours : null,
      support.totals.minutes > 0
        ? `Temps saisi en ${year} sur les dossiers d'accompagnement`
        : nothing(`temps saisi en ${year}`),
    ),
    figure(
      'fsePlusMembers',
      "Adhérents appuyés pour l'accès au FSE+",
      'count',
      'support',
      support.fsePlusMembers || null,
      support.fsePlusMembers
        ? `Adhérents distincts ayant un dossier FSE+ (demande ou bilan) actif en ${year}`
        : nothing(`dossiers FSE+ actifs en ${year}`),
    ),
    figure(
      'certificationRenewals',
      'Renouvellements de certification des adhérents',
      'count',
      'programmes',
      certifications.certificationRenewals || null,
      certifications.certificationRenewals
        ? `Audits de suivi ou de renouvellement réussis en ${year} par des adhérents certifiés`
        : nothing(`audits de certification d'adhérents en ${year}`),
    ),
    figure(
      'ptcePhase1',
      'PTCE en phase 1',
      'count',
      'programmes',
      phased > 0 ? territories.ptcePhase1 : null,
      phased > 0 ? ptceFrom : nothing(`PTCE de phase connue en cours en ${year}`),
    ),
    figure(
      'ptcePhase2',
      'PTCE en phase 2',
      'count',
      'programmes',
      phased > 0 ? territories.ptcePhase2 : null,
      phased > 0 ? ptceFrom : nothing(`PTCE de phase connue en cours en ${year}`),
    ),
    figure(
      'tzcldTerritories',
      'Territoires zéro chômeur de longue durée',
      'count',
      'programmes',
      territories.tzcldTerritories || null,
      territories.tzcldTerritories
        ? `Projets TZCLD en cours et habilités au 31 décembre ${year} ou sans date d'habilitation (fiches projets)`
        : nothing(`projets TZCLD en ${year}`),
    ),
    figure(
      'zestSessions',
      "Sessions de formation ZEST'",
      'count',
      'programmes',
      territories.zestSessions || null,
      territories.zestSessions
        ? `Sessions ZEST' datées de ${year} (fiches projets)`
        : nothing(`sessions ZEST' datées de ${year}`),
    ),
    figure(
      'zestTrainees',
      "Salariés en parcours formés (ZEST')",
      'people',
      'programmes',
      territories.zestSessions ? territories.zestTrainees : null,
      territories.zestSessions
        ? `Stagiaires des ${territories.zestSessions} session(s) ZEST' de ${year}`
        : nothing(`sessions ZEST' datées de ${year}`),
    ),
    figure(
      'fundersInGuide',
      'Financeurs dans le guide',
      'count',
      'funders',
      funders || null,
      funders
        ? 'Fiches du guide des financeurs à la date de génération'
        : nothing('fiches du guide des financeurs'),
    ),
    figure(
      'actions',
      'Actions publiques',
      'count',
      'events',
      actions.length || null,
      actions.length
        ? `Actions publiques datées de ${year} (chronique)`
        : nothing(`actions publiques en ${year}`),
    ),
    participantsFigure(actions, year),
  ];
}

/** The key figures of the tenant's delegation for a year (inside withTenant). */
export async function buildKeyFigures(
  tx: Tx,
  year: number,
  members: AnnualReport['members'],
  actions: ReportAction[],
): Promise<KeyFigures> {
  const declared = new Map((await declaredFigures(tx, year)).map((d) => [d.key, d]));
  const figures: KeyFigures = {};
  for (const spec of await countedFigures(tx, year, members, actions)) {
    const { id, value, ...rest } = spec;
    const computed: KeyFigure = { ...rest, value, source: 'computed' };
    const stated = declared.get(id);
    if (!stated) {
      figures[id] = computed;
      continue;
    }
    figures[id] = declaredFigure(stated, spec);
    declared.delete(id);
    if (value !== null)
      figures[`${id}Recorded`] = { ...computed, label: `${spec.label}, d'après les enregistrements` };
  }
  Object.assign(figures, await observatoryFigures(tx, year));
  for (const [key, stated] of declared) if (!(key in figures)) figures[key] = declaredFigure(stated);
  return figures;
}
