/** French messages of the member import (file, rows, plan). `{line}` names another line of the file. */
export const importMessages = {
  'import.file_too_large': 'Le fichier dépasse 20 Mo : découpez-le en plusieurs fichiers.',
  'import.file_empty': 'Le fichier est vide : il faut au moins une ligne d’en-tête et une ligne de données.',
  'import.format_unsupported':
    'Ce format n’est pas pris en charge : enregistrez le fichier en CSV ou en XLSX (Excel 2007 et suivants).',
  'import.csv_malformed': 'Le fichier CSV est mal formé (guillemets non refermés vers la ligne {line}).',
  'import.nul_character':
    'La cellule contient un caractère nul (octet 0), qui ne peut pas être enregistré : corrigez-la dans le fichier.',
  'import.xlsx_unreadable': 'Le fichier XLSX est illisible ou endommagé.',
  'import.xlsx_too_large':
    'Le fichier XLSX contient une quantité de données démesurée une fois décompressé : il est refusé.',
  'import.mapping_invalid':
    'La correspondance des colonnes est illisible (JSON attendu, ou le nom d’une correspondance enregistrée).',
  'import.mapping_unknown': 'Aucune correspondance enregistrée ne porte ce nom.',
  'import.mapping_no_name':
    'Aucune colonne n’est associée au nom de la structure : indiquez laquelle le contient.',
  'import.blocked': 'L’import est bloqué : corrigez les erreurs signalées, rien n’a été enregistré.',
  'import.name_missing': 'Le nom de la structure est vide.',
  'import.type_unknown':
    'Type de structure inconnu : « {value} » (types acceptés : AI, ACI, EI, ETTI, EITI, GES, EBE).',
  'import.date_invalid': 'Date illisible : « {value} » (attendu JJ/MM/AAAA ou AAAA-MM-JJ).',
  'import.siret_repeated':
    'Ce SIRET figure déjà ligne {line} : les deux lignes forment un seul établissement (types réunis).',
  'import.siret_conflict_in_file': 'Ce SIRET figure déjà ligne {line} sous un autre nom.',
  'import.duplicate_in_file':
    'Même nom et même code postal que la ligne {line}, sans SIREN pour les distinguer : deux organisations seront créées, vérifiez qu’il ne s’agit pas d’un doublon.',
  'import.duplicate_name_existing':
    'Une organisation portant ce nom est déjà enregistrée à ce code postal, sans SIREN pour les distinguer : une autre sera créée, vérifiez qu’il ne s’agit pas d’un doublon.',
  'import.map_header_unknown': 'Aucune colonne de ce nom dans le fichier : {value}.',
  'import.map_field_unknown':
    'Champ inconnu : {value} (champs : name, siret, siren, legalForm, streetNumber, address, postcode, city, department, phone, email, website, types, membership, joinedOn, knownFrom, leftOn, ou rien pour ignorer la colonne).',
  'import.membership_unknown':
    'Adhésion illisible : « {value} » (attendu : adhérent, ancien adhérent ou non adhérent / prospect).',
  'import.former_without_left_on':
    'Un ancien adhérent doit avoir une date de départ : indiquez-la dans la colonne prévue.',
  'import.no_type_column':
    'Aucune colonne ne donne le type de structure (AI, ACI…) : les structures créées n’auront aucun conventionnement.',
  'import.postcode_zero_restored':
    'Code postal « {value} » lu comme « {fixed} » : un tableur avait ôté le zéro initial.',
  'import.department_zero_restored':
    'Département « {value} » lu comme « {fixed} » : un tableur avait ôté le zéro initial.',
  'import.postcode_cedex':
    'Code postal « {value} » absent de la liste des communes mais du département {department} indiqué : lu comme un code CEDEX.',
  'import.postcode_other_department':
    'Le code postal « {value} » est dans le département {actual}, pas dans le {listed} indiqué : le département de l’adresse est retenu.',
  'import.siret_attach_confirm':
    'Une organisation de ce nom, sans SIRET, est déjà enregistrée à ce code postal : pour lui rattacher ce SIRET, confirmez (--attach-siret) ; sinon corrigez le nom.',
  'import.siret_zero_restored':
    'SIRET « {value} » lu comme « {fixed} » : un tableur avait ôté les zéros initiaux.',
  'import.siren_zero_restored':
    'SIREN « {value} » lu comme « {fixed} » : un tableur avait ôté les zéros initiaux.',
} satisfies Record<string, string>;
