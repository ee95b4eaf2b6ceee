/** French messages of this feature's error codes. */
export const fundersMessages = {
  'funders.not_found': 'Financeur introuvable.',
  'funders.territory_unknown':
    'Territoire inconnu : indiquez des codes de département, « region » ou « national ».',
  'funders.website_invalid': "L'adresse du site n'est pas valide.",
  'funders.amount_range': 'Le montant maximum doit être supérieur ou égal au minimum.',
  'funders.department_unknown': 'Département inconnu.',
  'funders.department_required':
    "Indiquez le département du projet (l'adhérent n'en a pas dans le registre).",
  'funders.organisation_not_found': 'Adhérent introuvable.',
  'funders.own_organisation_only': 'Vous ne pouvez chercher des financeurs que pour votre structure.',
} satisfies Record<string, string>;
