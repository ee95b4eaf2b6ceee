/** French messages of this feature's error codes. */
export const purchasingMessages = {
  'purchasing.buyer_not_found': 'Cet acheteur n’existe pas.',
  'purchasing.buyer_unknown': 'Choisissez un acheteur de la délégation.',
  'purchasing.opportunity_not_found': 'Cette opportunité n’existe pas ou n’est plus ouverte.',
  'purchasing.match_not_found': 'Ce suivi n’existe pas.',
  'purchasing.not_a_member': 'Cette organisation n’est pas adhérente aujourd’hui.',
  'purchasing.member_status':
    'Vous pouvez indiquer seulement que vous êtes intéressé ou que vous avez envoyé un devis.',
  'purchasing.team_only': 'Seule l’équipe de la délégation renseigne les heures d’insertion.',
  'purchasing.hours_need_won': 'Les heures d’insertion se renseignent sur un marché remporté.',
} satisfies Record<string, string>;
