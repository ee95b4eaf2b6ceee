import type { MemberErrorCode } from './members.validation.ts';

/** French messages shown to users for each member validation error. */
export const membersMessages = {
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
  'members.siret_siren_mismatch':
    "Le SIRET doit commencer par le SIREN de l'organisation (ses 9 premiers chiffres).",
  'members.department_unknown': "Ce code de département n'existe pas (exemples : 09, 31, 2A, 974).",
  'members.duplicate_siret': 'Un établissement avec ce SIRET est déjà enregistré.',
  'members.duplicate_name': 'Une organisation portant ce nom est déjà enregistrée à ce code postal.',
  'members.duplicate_convention':
    'Cette organisation a déjà une convention de ce type pour cet établissement.',
  'members.field_not_editable':
    "Vous ne pouvez pas modifier ce champ : demandez-le à l'équipe de la délégation.",
  'members.establishment_not_found': "Cet établissement n'appartient pas à cette organisation.",
  'members.left_before_joined': "La date de départ ne peut pas précéder la date d'adhésion.",
  'members.membership_overlap':
    "Cette période d'adhésion chevauche une autre période de la même organisation.",
  'members.activity_invalid':
    'Chaque activité doit comporter entre 2 et 80 caractères, dont au moins une lettre ou un chiffre.',
  'members.activities_too_many': "Indiquez au plus 20 activités pour l'organisation.",
} satisfies Record<MemberErrorCode, string>;
