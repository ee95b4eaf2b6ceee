// Every declared field audience, by database table and column: what the record history
// (audit log rows hold column names) and the audience test read. The declarations
// themselves stay next to each feature's schemas.
import { getTableColumns, getTableName, type Table } from 'drizzle-orm';
import { partnerAudiences } from '../modules/actions/actions.schemas.ts';
import { partners } from '../modules/actions/actions.table.ts';
import { contactAudiences, organisationAudiences } from '../modules/members/members.schemas.ts';
import { contacts, organisations } from '../modules/members/members.table.ts';
import { buyerAudiences } from '../modules/purchasing/purchasing.schemas.ts';
import { buyers } from '../modules/purchasing/purchasing.table.ts';
import {
  supportFileAudiences,
  supportNoteAudiences,
  supportTimeEntryAudiences,
} from '../modules/support/support.schemas.ts';
import { supportFiles, supportNotes, supportTimeEntries } from '../modules/support/support.table.ts';
import type { Audience } from '../server/audiences.ts';

const declared: [Table, Record<string, Audience>][] = [
  [organisations, organisationAudiences],
  [contacts, contactAudiences],
  [supportFiles, supportFileAudiences],
  [supportTimeEntries, supportTimeEntryAudiences],
  [supportNotes, supportNoteAudiences],
  [partners, partnerAudiences],
  [buyers, buyerAudiences],
];

/** Fields that are not columns of the table (a computed total, a list of children) have no column here. */
function byColumnName(table: Table, audiences: Record<string, Audience>): Record<string, Audience> {
  const columns = getTableColumns(table);
  return Object.fromEntries(
    Object.entries(audiences).flatMap(([field, audience]) => {
      const column = columns[field];
      return column ? [[column.name, audience]] : [];
    }),
  );
}

/** table name → column name → audience, for the columns narrower than their table's readers. */
export const COLUMN_AUDIENCES: Readonly<Record<string, Readonly<Record<string, Audience>>>> =
  Object.fromEntries(
    declared.map(([table, audiences]) => [getTableName(table), byColumnName(table, audiences)]),
  );

/**
 * Free-text columns that every reader of their record may read, each decided on purpose
 * (the audience test fails on a new note, description or comment column that is neither
 * here nor declared above, so that someone decides who reads it).
 */
export const SHARED_FREE_TEXT: Readonly<Record<string, string>> = {
  'actions.summary': 'the short public summary of an action (internal actions: team and board)',
  'dues_grids.note': 'explains the dues grid to the board, which reads the dues',
  'dues_calls.note': 'a payment note (cheque, transfer) the board reads with the dues',
  'funders.note': 'the funders guide is written for members to read',
  'general_assemblies.decisions': 'published in the activity report',
  'general_assemblies.elections': 'published in the activity report',
  'member_groups.note': 'how a group counts, read by the board with the registry',
  'organisations.description': "the organisation's public text (directory)",
  'membership_periods.leave_reason': 'read by the board with the registry; contacts stay apart',
  'quality_acceptances.reason': 'the whole record is the team’s (team-only routes)',
  'observatory_indicators.definition': 'what an indicator means, shown to every answerer',
  'observatory_submissions.correction_comment': 'the correction the team asks the member for',
  'practice_groups.description': 'shown to the groups’ members',
  'buyers.note': 'what the buyer needs, read by the board with the opportunities',
  'opportunities.description': 'the opportunity offered to members',
  'opportunity_matches.note': 'written by the member or the team on the member’s match',
  'certifications.body': 'the certifying body, the member’s own certification',
  'certifications.note': 'shared with the certified member',
  'certification_audits.note': 'shared with the audited member',
  'cohorts.description': 'a programme cohort, read by the board',
  'annual_reports.president_word': 'published in the activity report',
  'annual_reports.priorities': 'published in the activity report',
  'support_files.next_step': 'the next step is agreed with the member',
  'territorial_projects.description': 'a territorial project, read by the board',
  'project_sessions.note': 'a session of a territorial project, read by the board',
  'training_sessions.note': 'a training session, read by the board',
};
