import type { Tx } from '../../db/client.ts';
import { type DeclaredFigure, declaredFigure } from '../figures/figures.service.ts';
import { listSessions } from './trainings.service.ts';

/** Keys under which a source's training totals are declared. */
export const TRAINEES_KEY = 'trainees';
export const TRAINING_HOURS_KEY = 'trainingHours';

/**
 * A year of training counted from the sessions (named trainees, else the session's counts),
 * and beside it the totals a source declares. The two are never added: a declared total
 * may already include sessions that are also recorded one by one.
 */
export async function trainingTotals(tx: Tx, year: number) {
  const sessions = await listSessions(tx, year);
  const fromTrainees = sessions.filter((s) => s.computed.basis === 'trainees').length;
  const computed = {
    sessions: sessions.length,
    trainees: sessions.reduce((total, s) => total + s.computed.trainees, 0),
    hours: Math.round(sessions.reduce((total, s) => total + s.computed.hours, 0) * 100) / 100,
    sources: { fromTrainees, fromCounts: sessions.length - fromTrainees },
  };
  const declared: { trainees?: DeclaredFigure; trainingHours?: DeclaredFigure } = {};
  const trainees = await declaredFigure(tx, year, TRAINEES_KEY);
  if (trainees) declared.trainees = trainees;
  const hours = await declaredFigure(tx, year, TRAINING_HOURS_KEY);
  if (hours) declared.trainingHours = hours;
  return { year, computed, declared };
}
