/**
 * The purchasing lists as XLSX files: dates as dates, amounts and hours as numbers,
 * French labels, a frozen bold header with filters (same style as actions.export.ts).
 */
import { day, joined, tableXlsx as workbook } from '../../lib/xlsx.ts';
import type { MatchView } from './purchasing.matches.ts';
import type { BuyerView, OpportunityView } from './purchasing.service.ts';

// The web app's words for the same values (web/src/i18n/fr.purchasing.ts).
export const SECTOR_LABELS = { public: 'Public', private: 'Privé' } as const;
export const KIND_LABELS = {
  social_clause: 'Clause sociale',
  reserved_contract: 'Marché réservé',
  quote: 'Devis',
  other: 'Autre',
} as const;
export const OPPORTUNITY_STATUS_LABELS = {
  open: 'Ouverte',
  closed: 'Close',
  awarded: 'Attribuée',
  cancelled: 'Annulée',
} as const;
export const MATCH_STATUS_LABELS = {
  proposed: 'Proposé',
  sent: 'Envoyé',
  interested: 'Intéressé',
  quote_sent: 'Devis envoyé',
  won: 'Remporté',
  lost: 'Perdu',
} as const;

export const buyersXlsx = (rows: BuyerView[]) =>
  workbook<BuyerView>(
    'Acheteurs',
    [
      { header: 'Acheteur', width: 36, value: (b) => b.name },
      { header: 'Secteur', width: 10, value: (b) => SECTOR_LABELS[b.sector] },
      { header: 'Contact', width: 26, value: (b) => b.contactName },
      { header: 'Courriel', width: 30, value: (b) => b.contactEmail },
      { header: 'Téléphone', width: 16, value: (b) => b.contactPhone },
      { header: 'Note', width: 50, value: (b) => b.note },
      { header: 'Source', width: 50, value: (b) => b.source },
    ],
    rows,
  );

export const opportunitiesXlsx = (rows: OpportunityView[]) =>
  workbook<OpportunityView>(
    'Opportunités',
    [
      { header: 'Opportunité', width: 44, value: (o) => o.title },
      { header: 'Acheteur', width: 30, value: (o) => o.buyerName },
      { header: 'Type', width: 18, value: (o) => KIND_LABELS[o.kind] },
      { header: 'Montant (€)', width: 14, format: '#,##0.00', value: (o) => o.amount },
      { header: 'Lieu', width: 20, value: (o) => o.town },
      { header: 'Département', width: 12, value: (o) => o.department },
      { header: 'Échéance', width: 12, format: 'dd/mm/yyyy', value: (o) => day(o.deadline) },
      { header: 'Activités', width: 36, value: (o) => joined(o.activities) },
      { header: 'Statut', width: 12, value: (o) => OPPORTUNITY_STATUS_LABELS[o.status] },
      { header: 'Description', width: 60, value: (o) => o.description },
    ],
    rows,
  );

export const matchesXlsx = (rows: MatchView[]) =>
  workbook<MatchView>(
    'Suivis',
    [
      { header: 'Opportunité', width: 44, value: (m) => m.opportunityTitle },
      { header: 'Acheteur', width: 30, value: (m) => m.buyerName },
      { header: 'Adhérent', width: 34, value: (m) => m.organisationName },
      { header: 'Suivi', width: 14, value: (m) => MATCH_STATUS_LABELS[m.status] },
      { header: "Heures d'insertion", width: 16, format: '#,##0.##', value: (m) => m.insertionHours },
      { header: 'Échéance', width: 12, format: 'dd/mm/yyyy', value: (m) => day(m.deadline) },
      { header: 'Raisons', width: 50, value: (m) => joined(m.reasons) },
      { header: 'Note', width: 50, value: (m) => m.note },
      { header: 'Mis à jour', width: 12, format: 'dd/mm/yyyy', value: (m) => day(m.updatedAt) },
    ],
    rows,
  );
