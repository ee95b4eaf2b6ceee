/** French messages of this feature's error codes. */
export const trainingsMessages = {
  'trainings.session_not_found': "Cette session de formation n'existe pas ou vous n'y avez pas accès.",
  'trainings.trainee_not_found': 'Ce ou cette stagiaire ne fait pas partie de cette session.',
  'trainings.ends_before_starts': 'La date de fin ne peut pas précéder la date de début.',
  'trainings.partner_unknown': 'Ce partenaire est introuvable dans la délégation.',
  'trainings.action_unknown': 'Cette action est introuvable dans la délégation.',
  'trainings.organisation_unknown': 'Cette organisation est introuvable dans la délégation.',
  'trainings.department_invalid': "Ce code de département n'existe pas (ex. : 09, 31, 2A).",
} satisfies Record<string, string>;
