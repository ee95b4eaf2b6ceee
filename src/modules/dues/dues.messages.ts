/** French messages of the dues feature's error codes. */
export const duesMessages = {
  'dues.amount_invalid': 'Le montant doit être un nombre positif ou nul.',
  'dues.range_invalid': 'La borne haute doit être supérieure à la borne basse.',
  'dues.rules_overlap':
    'Cette tranche chevauche une autre tranche du même type : un adhérent doit relever d’une seule règle.',
  'dues.flat_with_ranges':
    'Une grille forfaitaire ne peut pas avoir de tranches : choisissez une base (ETP ou chiffre d’affaires).',
  'dues.no_grid': 'Aucune grille de cotisation n’est définie pour cette année.',
  'dues.grid_required': 'Aucune grille de cotisation n’est définie pour cette année.',
  'dues.no_rule':
    'La grille ne donne pas de montant pour cet adhérent : indiquez sa taille (base de calcul) ou saisissez le montant.',
  'dues.not_a_member': "Cette organisation n'est pas adhérente cette année-là.",
  'dues.already_called': 'La cotisation de cet adhérent est déjà appelée pour cette année.',
  'dues.paid_before_called': 'La date de paiement ne peut pas précéder la date d’appel.',
} satisfies Record<string, string>;
