/** French messages of this feature's error codes. */
export const actionsMessages = {
  'actions.not_found': "Cette action n'existe pas ou vous n'y avez pas accès.",
  'actions.ends_before_starts': 'La date de fin ne peut pas précéder la date de début.',
  'actions.start_time_required': "Indiquez l'heure de début avant l'heure de fin.",
  'actions.end_time_before_start': "L'heure de fin doit être après l'heure de début.",
  'actions.times_need_day':
    "Une action datée au mois près n'a pas d'horaires : précisez le jour ou retirez les heures.",
  'actions.department_unknown': "Ce département n'existe pas : indiquez son code (09, 31, 2A, 974…).",
  'actions.department_required':
    'Indiquez le département de la commune : les filtres et le bilan s’en servent.',
  'actions.registration_closes_after_end':
    "La clôture des inscriptions ne peut pas être après la fin de l'action.",
  'actions.practice_group_unknown': "Ce groupe d'échange de pratiques est introuvable dans la délégation.",
  'actions.partner_unknown': 'Ce partenaire est introuvable dans la délégation.',
  'actions.partner_duplicate': 'Ce partenaire figure déjà dans la liste.',
  'actions.member_unknown': 'Cette organisation adhérente est introuvable dans la délégation.',
  'actions.member_duplicate': 'Cette organisation figure déjà dans la liste.',
  'partners.not_found': "Ce partenaire n'existe pas ou vous n'y avez pas accès.",
  'partners.name_taken': 'Un partenaire porte déjà ce nom dans la délégation.',
  'partners.website_invalid': "Cette adresse de site n'est pas valide (exemple : www.exemple.fr).",
  'partners.in_use_one':
    'Ce partenaire est lié à une action : retirez-le de cette action avant de le supprimer.',
  'partners.in_use':
    'Ce partenaire est lié à {count} actions : retirez-le de ces actions avant de le supprimer.',
} satisfies Record<string, string>;
