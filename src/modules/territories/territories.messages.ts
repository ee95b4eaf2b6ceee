/** French messages of this feature's error codes. */
export const territoriesMessages = {
  'territories.project_not_found': 'Ce projet territorial est introuvable.',
  'territories.department_unknown': 'Ce code de département n’existe pas (exemples : 09, 31, 2A, 974).',
  'territories.phase_only_ptce': 'Seul un PTCE a une phase de l’appel à manifestation d’intérêt.',
  'territories.phase_invalid': 'La phase d’un PTCE est 1 ou 2.',
  'territories.tzcld_only':
    'L’habilitation, le comité local pour l’emploi et l’EBE ne concernent qu’un territoire TZCLD.',
  'territories.sector_only_zest': 'Seul un programme ZEST’ a un secteur en tension.',
  'territories.organisation_unknown': 'Cette organisation est introuvable dans l’annuaire.',
  'territories.kind_has_sessions':
    'Ce programme ZEST’ a des sessions : supprimez-les avant de changer le type du projet.',
  'territories.member_exists': 'Cette organisation est déjà impliquée dans le projet.',
  'territories.member_not_found': 'Cette organisation n’est pas impliquée dans le projet.',
  'territories.action_unknown': 'Cette action est introuvable.',
  'territories.support_file_unknown': 'Ce dossier d’accompagnement est introuvable.',
  'territories.link_exists': 'Ce lien existe déjà pour ce projet.',
  'territories.link_not_found': 'Ce lien est introuvable.',
  'territories.sessions_only_zest': 'Seul un programme ZEST’ a des sessions de formation.',
  'territories.session_not_found': 'Cette session est introuvable.',
  'territories.ends_before_starts': 'La date de fin ne peut pas précéder la date de début.',
} satisfies Record<string, string>;
