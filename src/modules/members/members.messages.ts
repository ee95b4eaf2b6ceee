import type { MemberErrorCode } from './members.validation.ts';

/** French messages shown to users for each member validation error. */
export const membersMessages: Record<MemberErrorCode, string> = {
  'members.siret_format': 'Le SIRET doit comporter exactement 14 chiffres.',
  'members.siret_checksum':
    'Le SIRET est invalide : la clé de contrôle ne correspond pas (vérifiez les 14 chiffres).',
  'members.siren_format': 'Le SIREN doit comporter exactement 9 chiffres.',
  'members.siren_checksum':
    'Le SIREN est invalide : la clé de contrôle ne correspond pas (vérifiez les 9 chiffres).',
  'members.postcode_format': 'Le code postal doit comporter 5 chiffres.',
  'members.postcode_unknown': 'Ce code postal ne correspond à aucune commune.',
  'members.postcode_department_mismatch': "Ce code postal n'appartient pas au département indiqué.",
  'members.phone_invalid':
    "Le numéro de téléphone n'est pas valide (exemple : 05 61 02 98 97, ou +44 20 7946 0958 pour un numéro étranger).",
  'members.email_invalid': "L'adresse e-mail n'est pas valide (exemple : contact@structure.fr).",
  'members.website_invalid':
    "L'adresse du site web n'est pas valide : indiquez une adresse commençant par http:// ou https://, ou de la forme www.exemple.fr.",
};
