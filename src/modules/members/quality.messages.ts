/**
 * French messages of the data-quality screen: one per check (filled with the record's
 * label and the offending value) and the errors of the acceptance routes.
 */
export const QUALITY_CHECK_CODES = [
  'quality.siret_invalid',
  'quality.siren_invalid',
  'quality.siret_siren_mismatch',
  'quality.postcode_format',
  'quality.postcode_unknown',
  'quality.postcode_department_mismatch',
  'quality.phone_invalid',
  'quality.phone_not_normalised',
  'quality.email_invalid',
  'quality.email_not_normalised',
  'quality.shared_email',
  'quality.shared_phone',
  'quality.shared_address',
  'quality.duplicate_name',
  'quality.department_without_establishment',
  'quality.mandate_unmatched',
  'quality.member_without_convention',
] as const;

export type QualityCheckCode = (typeof QUALITY_CHECK_CODES)[number];

export const qualityMessages = {
  'quality.siret_invalid':
    '{record} : le SIRET « {value} » n’est pas valide (14 chiffres avec une clé de contrôle correcte).',
  'quality.siren_invalid':
    '{record} : le SIREN « {value} » n’est pas valide (9 chiffres avec une clé de contrôle correcte).',
  'quality.siret_siren_mismatch':
    '{record} : le SIRET « {value} » ne commence pas par le SIREN de l’organisation ({siren}).',
  'quality.postcode_format': '{record} : le code postal « {value} » ne comporte pas 5 chiffres.',
  'quality.postcode_unknown': '{record} : le code postal « {value} » ne correspond à aucune commune.',
  'quality.postcode_department_mismatch':
    '{record} : le code postal « {value} » n’appartient pas au département {department} de l’établissement.',
  'quality.phone_invalid': '{record} : le téléphone « {value} » n’est pas un numéro valide.',
  'quality.phone_not_normalised':
    '{record} : le téléphone « {value} » n’est pas écrit sous la forme habituelle « {suggestion} ».',
  'quality.email_invalid': '{record} : l’adresse e-mail « {value} » n’est pas valide.',
  'quality.email_not_normalised':
    '{record} : l’adresse e-mail « {value} » devrait s’écrire « {suggestion} » (minuscules, sans espaces).',
  'quality.shared_email':
    'L’adresse e-mail « {value} » est partagée par plusieurs organisations : {records}.',
  'quality.shared_phone': 'Le téléphone « {value} » est partagé par plusieurs organisations : {records}.',
  'quality.shared_address': 'Plusieurs organisations ont la même adresse « {value} » : {records}.',
  'quality.duplicate_name':
    'Doublon probable : plusieurs organisations portent le nom « {value} » au code postal {postcode} : {records}.',
  'quality.department_without_establishment':
    '{record} est listée dans le département {value} (convention {types}) mais n’y a aucun établissement.',
  'quality.mandate_unmatched':
    'Conseil d’administration : l’organisation « {value} » de {person} ne correspond à aucun adhérent.{hint}',
  'quality.mandate_hint': ' Organisations proches : {names}.',
  'quality.member_without_convention': '{record} est adhérente mais n’a aucune convention enregistrée.',
  // Acceptance routes
  'quality.reason_required': 'Indiquez pourquoi ce problème est accepté.',
  'quality.problem_not_found':
    'Ce problème n’existe plus : les données ont changé depuis l’affichage de la liste. Actualisez la page.',
  'quality.acceptance_not_found': 'Cette acceptation n’existe pas ou a déjà été annulée.',
} satisfies Record<string, string>;
