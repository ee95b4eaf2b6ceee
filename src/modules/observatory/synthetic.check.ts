/**
 * For the tests of the synthetic campaigns: every generated answer checked against the
 * catalogue's rules (the same engine as a member's form) and, independently, against the
 * sums the rules stand for, recomputed here.
 */
import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { DEFAULT_INDICATORS } from './catalogue.default.ts';
import { observatoryCampaigns, observatorySubmissions, observatoryValues } from './observatory.table.ts';
import { checkValues } from './rules.ts';

export interface GeneratedAnswer {
  year: number;
  organisationId: string;
  conventionType: string;
  values: Record<string, number>;
}

/** The answers of every synthetic campaign, oldest year first. */
export async function syntheticAnswers(tx: Tx): Promise<GeneratedAnswer[]> {
  const rows = await tx
    .select({
      submissionId: observatorySubmissions.id,
      year: observatorySubmissions.year,
      organisationId: observatorySubmissions.organisationId,
      conventionType: observatorySubmissions.conventionType,
      code: observatoryValues.indicatorCode,
      value: observatoryValues.value,
    })
    .from(observatorySubmissions)
    .innerJoin(observatoryCampaigns, eq(observatoryCampaigns.id, observatorySubmissions.campaignId))
    .innerJoin(observatoryValues, eq(observatoryValues.submissionId, observatorySubmissions.id))
    .where(eq(observatoryCampaigns.synthetic, true))
    .orderBy(asc(observatorySubmissions.year));
  const answers = new Map<string, GeneratedAnswer>();
  for (const row of rows) {
    const answer = answers.get(row.submissionId) ?? {
      year: row.year,
      organisationId: row.organisationId,
      conventionType: row.conventionType,
      values: {},
    };
    answer.values[row.code] = Number(row.value);
    answers.set(row.submissionId, answer);
  }
  return [...answers.values()];
}

/** What is wrong with the generated answers (empty when every rule holds). */
export function ruleProblems(answers: GeneratedAnswer[]): string[] {
  const problems: string[] = [];
  const previous = new Map(answers.map((a) => [`${a.organisationId}|${a.conventionType}|${a.year}`, a]));
  for (const answer of answers) {
    const where = `${answer.year} ${answer.conventionType} ${answer.organisationId}`;
    const v = answer.values;
    const applicable = DEFAULT_INDICATORS.filter(
      (i) => i.appliesTo.length === 0 || i.appliesTo.some((t) => t === answer.conventionType),
    );
    const before = previous.get(`${answer.organisationId}|${answer.conventionType}|${answer.year - 1}`);
    const { errors, warnings } = checkValues(
      applicable,
      v,
      before ? { year: before.year, values: before.values } : null,
    );
    for (const finding of [...errors, ...warnings]) problems.push(`${where}: ${finding.message}`);
    for (const code of Object.keys(v)) {
      if (!applicable.some((i) => i.code === code)) problems.push(`${where}: ${code} does not apply`);
    }
    const sum = (...codes: string[]) => codes.reduce((total, code) => total + (v[code] ?? Number.NaN), 0);
    if (sum('exitsDurable', 'exitsTransition', 'exitsPositive', 'exitsOther') !== v.exitsTotal)
      problems.push(`${where}: exits do not add up`);
    if (sum('entrantsWomen', 'entrantsMen') !== v.entries) problems.push(`${where}: women + men ≠ entries`);
    if (sum('entrantsUnder26', 'entrants26to49', 'entrants50Plus') !== v.entries)
      problems.push(`${where}: age bands ≠ entries`);
    const etp = (v.hoursPaid ?? Number.NaN) / 1607;
    if (!(Math.abs((v.etpPathway ?? Number.NaN) - etp) <= 0.05 * etp))
      problems.push(`${where}: ETP ≠ hours / 1607`);
  }
  return problems;
}
