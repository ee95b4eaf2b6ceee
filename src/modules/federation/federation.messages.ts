/** French messages of the federation's error codes. */
export const federationMessages = {
  'federation.delegation_not_found': "Aucune délégation n'a cet identifiant.",
  'federation.range_invalid': "L'année de début doit précéder l'année de fin.",
  'federation.unknown_indicator': 'Indicateur inconnu de toutes les délégations : {codes}.',
  'federation.email_invalid': "L'adresse e-mail n'est pas valide.",
  'federation.name_required': 'Indiquez le nom de la personne.',
  'federation.account_has_roles':
    "Le compte {email} a un rôle dans une délégation : un compte de la fédération n'appartient à aucune délégation. Choisissez une autre adresse.",
} satisfies Record<string, string>;
