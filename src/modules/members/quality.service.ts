/**
 * Use cases of the data-quality screen. The whole registry of the delegation is read in
 * a fixed number of queries (row-level security scopes them), checked in memory by
 * quality.checks.ts, and matched against the acceptances staff recorded.
 */
import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { AppError, invalidFields } from '../../server/errors.ts';
import { users } from '../accounts/accounts.table.ts';
import { listBoard } from '../governance/governance.service.ts';
import { establishmentPlaceColumns, todayInFrance } from './members.queries.ts';
import { conventions, establishments, membershipPeriods, organisations } from './members.table.ts';
import { findProblems, type Problem, type QualityData } from './quality.checks.ts';
import { qualityAcceptances } from './quality.table.ts';

export interface Acceptance {
  id: string;
  reason: string;
  acceptedBy: string | null;
  acceptedAt: string;
}
export type ReviewedProblem = Problem & { accepted: Acceptance | null };

export async function loadQualityData(tx: Tx, today = todayInFrance()): Promise<QualityData> {
  // Periods are few per organisation: deciding "current" in memory keeps the query plain.
  const periods = await tx
    .select({
      organisationId: membershipPeriods.organisationId,
      knownFrom: membershipPeriods.knownFrom,
      leftOn: membershipPeriods.leftOn,
    })
    .from(membershipPeriods);
  const current = new Set(
    periods
      .filter((p) => p.knownFrom <= today && (p.leftOn === null || p.leftOn >= today))
      .map((p) => p.organisationId),
  );
  const orgs = await tx
    .select({ id: organisations.id, name: organisations.name, siren: organisations.siren })
    .from(organisations)
    .orderBy(asc(organisations.searchName));
  const places = await tx
    .select(establishmentPlaceColumns)
    .from(establishments)
    .orderBy(asc(establishments.createdAt), asc(establishments.id));
  const held = await tx
    .select({
      id: conventions.id,
      organisationId: conventions.organisationId,
      type: conventions.type,
      departments: conventions.departments,
    })
    .from(conventions);
  const board = await listBoard(tx);
  return {
    organisations: orgs.map((o) => ({ ...o, currentMember: current.has(o.id) })),
    establishments: places,
    conventions: held,
    mandates: board,
  };
}

async function acceptancesByKey(tx: Tx): Promise<Map<string, Acceptance>> {
  const rows = await tx
    .select({
      id: qualityAcceptances.id,
      key: qualityAcceptances.problemKey,
      reason: qualityAcceptances.reason,
      acceptedBy: users.name,
      acceptedAt: qualityAcceptances.acceptedAt,
    })
    .from(qualityAcceptances)
    .leftJoin(users, eq(users.id, qualityAcceptances.acceptedBy));
  return new Map(
    rows.map((r) => [
      r.key,
      { id: r.id, reason: r.reason, acceptedBy: r.acceptedBy, acceptedAt: r.acceptedAt.toISOString() },
    ]),
  );
}

/** Every problem of the registry, each with its acceptance when staff accepted that exact problem. */
export async function listQualityProblems(tx: Tx, today = todayInFrance()) {
  const data = await loadQualityData(tx, today);
  const accepted = await acceptancesByKey(tx);
  const problems: ReviewedProblem[] = findProblems(data).map((p) => ({
    ...p,
    accepted: accepted.get(p.key) ?? null,
  }));
  const acceptedCount = problems.filter((p) => p.accepted).length;
  return { problems, counts: { open: problems.length - acceptedCount, accepted: acceptedCount } };
}

/**
 * Records that staff accept a problem as it is. The key must name a problem that exists
 * now: accepting a stale one (the data changed meanwhile) would store a dead acceptance.
 */
export async function acceptProblem(
  tx: Tx,
  userId: string,
  input: { key: string; reason?: string | undefined },
): Promise<Acceptance> {
  const reason = input.reason?.trim() ?? '';
  if (reason === '') throw invalidFields([{ field: 'reason', code: 'quality.reason_required' }]);
  const exists = findProblems(await loadQualityData(tx)).some((p) => p.key === input.key);
  if (!exists) throw new AppError('quality.problem_not_found');
  const [row] = await tx
    .insert(qualityAcceptances)
    .values({ problemKey: input.key, reason, acceptedBy: userId })
    .onConflictDoUpdate({
      target: [qualityAcceptances.delegationId, qualityAcceptances.problemKey],
      set: { reason, acceptedBy: userId, acceptedAt: new Date() },
    })
    .returning();
  if (!row) throw new Error('acceptance insert returned nothing');
  const [who] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return {
    id: row.id,
    reason: row.reason,
    acceptedBy: who?.name ?? null,
    acceptedAt: row.acceptedAt.toISOString(),
  };
}

/** Reopens a problem: its acceptance is removed (the audit log keeps who accepted it and why). */
export async function reopenProblem(tx: Tx, id: string): Promise<void> {
  const removed = await tx
    .delete(qualityAcceptances)
    .where(eq(qualityAcceptances.id, id))
    .returning({ id: qualityAcceptances.id });
  if (removed.length === 0) throw new AppError('quality.acceptance_not_found');
}
