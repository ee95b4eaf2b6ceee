/**
 * The observatory's key figures of a report. The observatory collects the members'
 * figures of the year before: the report of year Y prints the data of Y-1. For each
 * figure, in order: the aggregate a publication declares for Y-1; else the sum of the
 * validated answers of real campaigns (computed); else those of synthetic campaigns,
 * flagged as such. A declared total and the answers are never added together: when both
 * exist, the answers go to a sibling `<id>Recorded`.
 */
import type { Tx } from '../../db/client.ts';
import { groupedCells, membersAnswering } from '../observatory/dashboard.queries.ts';
import { type DeclaredAggregate, listDeclared } from '../observatory/declared.service.ts';
import type { FigureUnit, KeyFigure, KeyFigures } from './report.types.ts';

interface ObservatorySpec {
  id: string;
  code: string;
  unit: FigureUnit;
  label: string;
}

export const OBSERVATORY_FIGURES: readonly ObservatorySpec[] = [
  { id: 'observatoryMembers', code: 'membersAnswering', unit: 'count', label: "Adhérents de l'observatoire" },
  { id: 'observatoryRevenue', code: 'revenue', unit: 'euros', label: "Chiffre d'affaires des adhérents" },
  { id: 'observatoryWages', code: 'payroll', unit: 'euros', label: 'Salaires versés par les adhérents' },
  { id: 'peopleInPathways', code: 'persons', unit: 'people', label: "Personnes en parcours vers l'emploi" },
];

interface Answered {
  value: number;
  members: number;
  answers: number;
}

/** The declared total of a code: the all-types aggregate, else the sum of the per-type ones. */
function declaredTotal(rows: DeclaredAggregate[]) {
  const all = rows.find((r) => r.conventionType === null);
  if (all) return { value: all.value, qualifier: all.qualifier, label: all.label, source: all.source };
  if (rows.length === 0) return null;
  const sources = [...new Set(rows.map((r) => r.source))];
  return {
    value: rows.reduce((sum, r) => sum + r.value, 0),
    qualifier: rows.some((r) => r.qualifier === 'about') ? ('about' as const) : ('exact' as const),
    label: rows.map((r) => r.label).join(' ; '),
    source: `Somme des totaux déclarés par type de convention (${rows.map((r) => r.conventionType).join(', ')}) : ${sources.join(' ; ')}`,
  };
}

/** Sums of the validated answers of the data year, real and synthetic apart. */
async function answered(tx: Tx, dataYear: number) {
  const codes = OBSERVATORY_FIGURES.map((f) => f.code).filter((c) => c !== 'membersAnswering');
  const cells = await groupedCells(tx, { codes, from: dataYear, to: dataYear });
  const { totals } = await membersAnswering(tx, { from: dataYear, to: dataYear });
  const of = (synthetic: boolean) => {
    const members = totals.filter((t) => t.synthetic === synthetic).reduce((sum, t) => sum + t.value, 0);
    const result = new Map<string, Answered>();
    if (members > 0) result.set('membersAnswering', { value: members, members, answers: members });
    for (const code of codes) {
      const own = cells.filter((c) => c.code === code && c.synthetic === synthetic);
      if (own.length === 0) continue;
      result.set(code, {
        value: own.reduce((sum, c) => sum + c.value, 0),
        members,
        answers: own.reduce((sum, c) => sum + c.answers, 0),
      });
    }
    return result;
  };
  return { real: of(false), synthetic: of(true) };
}

export async function observatoryFigures(tx: Tx, year: number): Promise<KeyFigures> {
  const dataYear = year - 1;
  const declared = await listDeclared(tx, {
    from: dataYear,
    to: dataYear,
    codes: OBSERVATORY_FIGURES.map((f) => f.code),
  });
  const { real, synthetic } = await answered(tx, dataYear);
  const figures: KeyFigures = {};
  for (const spec of OBSERVATORY_FIGURES) {
    const base = { unit: spec.unit, group: 'observatory' as const };
    const label = `${spec.label} (observatoire ${year}, données ${dataYear})`;
    const total = declaredTotal(declared.filter((d) => d.indicatorCode === spec.code));
    const counted = real.get(spec.code);
    const computed = (answers: Answered, isSynthetic: boolean): KeyFigure => ({
      ...base,
      label,
      value: answers.value,
      source: 'computed',
      from:
        `${isSynthetic ? 'Campagne synthétique (données de démonstration) : ' : ''}` +
        (spec.code === 'membersAnswering'
          ? `adhérents dont la réponse ${dataYear} à l'observatoire est validée (${answers.members})`
          : `somme de ${answers.answers} réponse(s) validée(s) de ${answers.members} adhérent(s) à l'observatoire, données ${dataYear}`),
      ...(isSynthetic ? { synthetic: true } : {}),
    });
    if (total) {
      figures[spec.id] = {
        ...base,
        label,
        value: total.value,
        source: 'declared',
        from: total.source,
        detail: total.label,
        qualifier: total.qualifier,
      };
      if (counted)
        figures[`${spec.id}Recorded`] = {
          ...computed(counted, false),
          label: `${label}, d'après les réponses enregistrées`,
        };
      continue;
    }
    const fallback = synthetic.get(spec.code);
    figures[spec.id] = counted
      ? computed(counted, false)
      : fallback
        ? computed(fallback, true)
        : {
            ...base,
            label,
            value: null,
            source: 'computed',
            from: `Aucune réponse validée ni total déclaré pour les données ${dataYear}`,
          };
  }
  return figures;
}
