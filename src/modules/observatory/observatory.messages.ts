/** French messages of the observatory's error codes (campaigns, catalogue, submissions). */
export const observatoryMessages = {
  'observatory.year_taken': 'Une campagne existe déjà pour l’année {year}.',
  'observatory.deadline_before_opening': 'La date limite doit être postérieure à la date d’ouverture.',
  'observatory.status_transition': 'Une campagne « {from} » ne peut pas passer à « {to} ».',
  'observatory.catalogue_empty': 'Le catalogue est vide : ajoutez au moins un indicateur avant d’ouvrir.',
  'observatory.catalogue_invalid':
    'Le catalogue contient des règles incohérentes : corrigez-les avant d’ouvrir la campagne.',
  'observatory.catalogue_locked':
    'Le catalogue ne se modifie que tant que la campagne est en préparation (brouillon).',
  'observatory.campaign_not_draft': 'Seule une campagne en préparation peut être supprimée.',
  'observatory.code_taken': 'Le code « {code} » est déjà utilisé dans ce catalogue.',
  'observatory.code_referenced': 'Le code « {code} » est utilisé par les règles de : {by}.',
  'observatory.rule_unknown_code': 'L’indicateur « {code} » n’existe pas dans ce catalogue.',
  'observatory.rule_self_reference': 'Une règle ne peut pas renvoyer à l’indicateur lui-même.',
  'observatory.rule_duplicate_part': 'L’indicateur « {code} » figure deux fois dans la somme.',
  'observatory.rule_range_inverted': 'Le maximum doit être supérieur ou égal au minimum.',
  'observatory.rule_range_empty': 'Indiquez un minimum, un maximum ou les deux.',
  'observatory.rule_severity': 'Cette règle ne peut pas avoir la gravité « {severity} ».',
  'observatory.campaign_not_open': 'La campagne n’est pas ouverte : les réponses ne sont pas modifiables.',
  'observatory.organisation_required': 'Choisissez l’adhérent dont vous voulez voir les formulaires.',
  'observatory.no_such_form':
    'Cet adhérent n’a pas de convention de type {type} : pas de formulaire à remplir.',
  'observatory.unknown_indicator': 'L’indicateur « {code} » ne fait pas partie de ce formulaire.',
  'observatory.submission_locked':
    'Ce formulaire a été transmis : il n’est plus modifiable (statut « {status} »).',
  'observatory.submission_validated':
    'Ce formulaire a été validé par une autre personne : rouvrez-le avant de le modifier.',
  'observatory.submission_invalid':
    'Le formulaire contient des erreurs : corrigez-les avant de le transmettre.',
  'observatory.warnings_unconfirmed':
    'Certaines valeurs appellent une confirmation : expliquez-les en commentaire avant de transmettre.',
  'observatory.warning_comment': '{warning} Confirmez cette valeur par un commentaire.',
  // Field codes of a refused submission; each field carries its own message with the figures.
  'observatory.check_required': 'Valeur obligatoire.',
  'observatory.check_number': 'La valeur n’est pas un nombre.',
  'observatory.check_range': 'Valeur hors des bornes admises.',
  'observatory.check_integer': 'La valeur doit être un nombre entier.',
  'observatory.check_sum': 'La somme des parties ne correspond pas au total.',
  'observatory.check_ratio': 'La valeur ne correspond pas au calcul attendu.',
  'observatory.check_atMost': 'La valeur dépasse celle dont elle fait partie.',
  'observatory.wrong_status': 'Action impossible : le formulaire est au statut « {status} ».',
  'observatory.document_missing': 'Joignez un fichier au formulaire (champ « file »).',
  'observatory.document_empty': 'Le fichier « {name} » est vide.',
  'observatory.document_too_large': 'Le fichier « {name} » dépasse la taille maximale de 10 Mo.',
  'observatory.document_type_refused':
    'Le fichier « {name} » n’est pas d’un type accepté : PDF, PNG, JPEG, document bureautique (OpenDocument ou Office), texte ou CSV.',
  'observatory.prefill_unreadable': 'Ce fichier n’est pas un classeur XLSX lisible.',
  'observatory.prefill_other_form':
    'Ce classeur a été généré pour un autre formulaire : téléchargez le modèle de celui-ci.',
  'observatory.prefill_no_header':
    'La feuille « Formulaire » est introuvable ou n’a pas la ligne d’en-tête du modèle (Code, Indicateur…).',
  'observatory.prefill_invalid': 'Le classeur contient des cellules invalides : rien n’a été enregistré.',
  'observatory.prefill_not_number': 'Ligne {row}, {label} ({code}) : « {text} » n’est pas un nombre.',
  'observatory.prefill_unknown_code':
    'Ligne {row} : l’indicateur « {code} » ne fait pas partie de ce formulaire.',
  'observatory.prefill_duplicate_code': 'Ligne {row} : l’indicateur « {code} » figure déjà plus haut.',
  // Dashboards, peer position, declared aggregates, synthetic campaigns
  'observatory.dashboard.unknown_indicator': 'Indicateur inconnu : {codes}.',
  'observatory.dashboard.range_invalid': 'L’année de début doit précéder ou égaler l’année de fin.',
  'observatory.position.own_only':
    'Un adhérent ne consulte que la position de sa propre organisation parmi ses pairs.',
  'observatory.declared.code_invalid':
    'Le code d’indicateur commence par une lettre et ne contient que des lettres, des chiffres ou « _ », 40 caractères au plus (ex. : revenue, membersAnswering).',
  'observatory.declared.not_found': 'Aucun chiffre déclaré ne correspond à cette année et à cet indicateur.',
  'observatory.synthetic.year_taken':
    'Une campagne existe déjà pour {year} : des données synthétiques ne peuvent pas s’y ajouter.',
} satisfies Record<string, string>;
