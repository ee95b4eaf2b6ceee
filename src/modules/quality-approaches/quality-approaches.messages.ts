/** French messages of this feature's error codes. */
export const qualityApproachesMessages = {
  'qualityApproaches.certification_not_found': "Cette certification n'existe pas ou vous n'y avez pas accès.",
  'qualityApproaches.audit_not_found': "Cet audit n'existe pas ou vous n'y avez pas accès.",
  'qualityApproaches.expiry_before_obtained':
    "La date d'expiration ne peut pas précéder la date d'obtention.",
  'qualityApproaches.organisation_unknown': "Cet adhérent n'existe pas dans la délégation.",
  'qualityApproaches.action_unknown': "Cette action n'existe pas dans la délégation.",
  'qualityApproaches.duplicate_id':
    'Cet identifiant est déjà utilisé dans la grille : chaque pilier et chaque critère doit avoir le sien.',
  'qualityApproaches.levels_not_contiguous':
    'Les niveaux de maturité doivent être numérotés de 1 à n, sans trou ni doublon.',
  'qualityApproaches.grid_not_found': "Cette grille n'existe pas ou vous n'y avez pas accès.",
  'qualityApproaches.grid_unknown': "Cette grille n'existe pas ou n'est plus active.",
  'qualityApproaches.grid_in_use':
    'Cette grille a déjà servi à des auto-évaluations : archivez-la plutôt que de la supprimer.',
  'qualityApproaches.unknown_criterion': "Ce critère n'existe pas dans la grille.",
  'qualityApproaches.unknown_level': "Ce niveau n'existe pas pour ce critère.",
  'qualityApproaches.answer_missing':
    'Choisissez un niveau pour ce critère avant de terminer l’auto-évaluation.',
  'qualityApproaches.assessment_not_found': "Cette auto-évaluation n'existe pas ou vous n'y avez pas accès.",
  'qualityApproaches.assessment_unknown': "Cette auto-évaluation n'existe pas pour cet adhérent.",
  'qualityApproaches.assessment_done':
    'Cette auto-évaluation est terminée : elle ne peut plus être modifiée.',
  'qualityApproaches.progress_action_not_found':
    "Cette action de progrès n'existe pas ou vous n'y avez pas accès.",
  'qualityApproaches.cohort_not_found': "Ce groupe n'existe pas ou vous n'y avez pas accès.",
} satisfies Record<string, string>;
