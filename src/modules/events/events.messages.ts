/** French messages of this feature's error codes. */
export const eventsMessages = {
  'events.not_found':
    "Cet événement n'existe pas, n'est pas ouvert aux inscriptions ou vous n'y avez pas accès.",
  'events.registration_not_found': "Cette inscription n'existe pas ou vous n'y avez pas accès.",
  'events.registration_closed': 'Les inscriptions à cet événement sont closes.',
  'events.already_started':
    'Cet événement a déjà commencé : les inscriptions ne peuvent plus être modifiées.',
  'events.already_registered': 'Cette adresse e-mail est déjà inscrite à cet événement.',
  'events.already_cancelled': 'Cette inscription est déjà annulée.',
  'events.other_organisation': 'Vous ne pouvez inscrire que des personnes de votre organisation.',
  'events.organisation_unknown': 'Cette organisation est introuvable dans la délégation.',
  'events.participation_unknown': "Cette inscription n'appartient pas à cet événement.",
  'events.attendance_both': 'Une même personne ne peut pas être à la fois présente et absente.',
  'events.calendar_not_found': "Ce calendrier n'existe pas ou son adresse a été révoquée.",
} satisfies Record<string, string>;
