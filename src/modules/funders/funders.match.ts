/**
 * Matching a member's project with the funders guide: a pure scoring function, so the
 * ranking can be explained (each point comes with a French reason) and tested alone.
 * Scores only add up for what fits, so adding a matching theme never lowers a score.
 */

import { compareFr } from '../../i18n/collate.ts';
import { normaliseForSearch } from '../../lib/text.ts';
import { departmentName } from '../members/members.validation.ts';

export interface MatchableFunder {
  name: string;
  themes: string[];
  territories: string[];
  beneficiaryTypes: string[];
  amountMin: number | null;
  amountMax: number | null;
}

export interface Project {
  themes: string[];
  department: string;
  amountSought?: number | null;
  conventionTypes: string[];
}

export type MatchResult =
  | { excluded: true; reason: string }
  | { excluded: false; score: number; reasons: string[] };

export const POINTS = {
  theme: 30,
  department: 25,
  region: 20,
  national: 10,
  beneficiary: 15,
  amountInside: 15,
  amountOutside: -20,
} as const;

/** "5000" → "5 000" (a plain space, as in the guide's printed figures). */
export function euros(value: number): string {
  return `${Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} €`;
}

function rangeLabel(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `${euros(min).replace(' €', '')}–${euros(max)}`;
  if (min !== null) return `à partir de ${euros(min)}`;
  return `jusqu'à ${euros(max ?? 0)}`;
}

export function scoreFunder(funder: MatchableFunder, project: Project): MatchResult {
  const reasons: string[] = [];
  let score = 0;

  // Territory is a hard constraint: a funder active elsewhere cannot fund this project.
  // A funder with no territory recorded is not excluded (the guide does not know).
  if (funder.territories.length > 0) {
    if (funder.territories.includes(project.department)) {
      score += POINTS.department;
      const name = departmentName(project.department);
      reasons.push(
        `Intervient dans ce département : ${name ? `${name} (${project.department})` : project.department}`,
      );
    } else if (funder.territories.includes('region')) {
      score += POINTS.region;
      reasons.push('Intervient dans toute la région');
    } else if (funder.territories.includes('national')) {
      score += POINTS.national;
      reasons.push('Intervient au niveau national');
    } else {
      return { excluded: true, reason: 'Intervient sur un autre territoire' };
    }
  }

  // The type of structure too: a funder reserved to ACI does not fund an EI.
  if (funder.beneficiaryTypes.length > 0 && project.conventionTypes.length > 0) {
    const common = project.conventionTypes.filter((t) => funder.beneficiaryTypes.includes(t));
    if (common.length === 0)
      return { excluded: true, reason: `Ne finance pas les ${project.conventionTypes.join(', ')}` };
    score += POINTS.beneficiary;
    reasons.push(`Finance les ${common.join(', ')}`);
  }

  const wanted = new Set(project.themes.map(normaliseForSearch).filter(Boolean));
  const seen = new Set<string>();
  for (const theme of funder.themes) {
    const key = normaliseForSearch(theme);
    if (!wanted.has(key) || seen.has(key)) continue;
    seen.add(key);
    score += POINTS.theme;
    reasons.push(`Thème commun : ${theme}`);
  }

  const sought = project.amountSought;
  if (sought != null && (funder.amountMin !== null || funder.amountMax !== null)) {
    const range = rangeLabel(funder.amountMin, funder.amountMax);
    const inside =
      (funder.amountMin === null || sought >= funder.amountMin) &&
      (funder.amountMax === null || sought <= funder.amountMax);
    if (inside) {
      score += POINTS.amountInside;
      reasons.push(`Montant dans la fourchette ${range}`);
    } else {
      score += POINTS.amountOutside;
      reasons.push(`Montant hors fourchette (${range})`);
    }
  }

  return { excluded: false, score, reasons };
}

export interface Ranked<F> {
  funder: F;
  score: number;
  reasons: string[];
}

/** Funders that fit, best first (then by name); excluded ones are left out. */
export function rankFunders<F extends MatchableFunder>(funders: F[], project: Project): Ranked<F>[] {
  const ranked: Ranked<F>[] = [];
  for (const funder of funders) {
    const result = scoreFunder(funder, project);
    if (!result.excluded) ranked.push({ funder, score: result.score, reasons: result.reasons });
  }
  return ranked.sort((a, b) => b.score - a.score || compareFr(a.funder.name, b.funder.name));
}
