/** French messages of this feature's error codes. */
export const practiceGroupsMessages = {
  'practice.group_not_found': "Ce groupe d'échange de pratiques n'existe pas ou vous n'y avez pas accès.",
  'practice.group_has_meetings':
    'Ce groupe s’est déjà réuni : ses rencontres comptent dans les bilans. Rendez-le inactif plutôt que de le supprimer.',
  'practice.person_not_found': 'Cette personne ne fait pas partie de ce groupe.',
  'practice.meeting_not_found': "Cette rencontre n'existe pas dans ce groupe.",
  'practice.organisation_not_member': "Cette organisation n'est pas adhérente de la délégation.",
  'practice.organisation_unknown': 'Cette organisation est introuvable dans la délégation.',
  'practice.email_invalid': "Cette adresse e-mail n'est pas valide.",
  'practice.place_required': 'Indiquez la commune et le département, ou cochez « En ligne ».',
  'practice.department_invalid': "Ce code de département n'existe pas (ex. : 09, 31, 2A).",
  'practice.end_before_start': "L'heure de fin doit être après l'heure de début.",
  'practice.person_not_in_group': 'Cette personne ne fait pas partie du groupe.',
  'practice.count_below_named':
    "L'effectif ne peut pas être inférieur au nombre de personnes cochées ou nommées.",
} satisfies Record<string, string>;
