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
