/** French messages of this feature's error codes. */
export const supportMessages = {
  'support.owner_not_staff':
    'Le ou la responsable doit être un membre de l’équipe de la délégation (administration ou salarié·e).',
  'support.closed_before_opened': 'La date de clôture ne peut pas précéder la date d’ouverture.',
  'support.closed_on_needs_closed_status':
    'Une date de clôture ne se donne qu’à un dossier terminé ou abandonné.',
  'support.minutes_out_of_range': 'La durée doit être comprise entre 1 minute et 24 heures (1 440 minutes).',
  'support.not_author': 'Seul son auteur ou un administrateur peut supprimer cette ligne.',
  'support.document_missing': 'Joignez un fichier au formulaire (champ « file »).',
  'support.document_empty': 'Le fichier « {name} » est vide.',
  'support.document_too_large': 'Le fichier « {name} » dépasse la taille maximale de 10 Mo.',
  'support.document_type_refused':
    'Le fichier « {name} » n’est pas d’un type accepté : PDF, PNG, JPEG, document bureautique (OpenDocument ou Office), texte ou CSV.',
  'support.no_template': 'Aucune grille d’entretien annuel n’est définie pour cette année.',
  'support.template_exists': 'Une grille d’entretien existe déjà pour cette année : modifiez-la.',
  'support.question_id_format':
    'L’identifiant d’une question ne contient que des lettres minuscules sans accent, des chiffres et « _ », et commence par une lettre.',
  'support.question_id_duplicate': 'Cet identifiant est déjà utilisé par une autre question.',
  'support.choice_needs_options': 'Une question à choix doit proposer au moins deux options.',
  'support.options_only_for_choice': 'Seule une question à choix a des options.',
  'support.option_duplicate': 'Cette option figure deux fois.',
  'support.answer_required': 'Cette question est obligatoire pour terminer l’entretien.',
  'support.answer_unknown_question': 'Cette question ne fait pas partie de la grille de l’année.',
  'support.answer_not_text': 'La réponse doit être un texte.',
  'support.answer_not_number': 'La réponse doit être un nombre.',
  'support.answer_not_yes_no': 'La réponse doit être oui ou non.',
  'support.answer_not_in_options': 'La réponse doit être l’une des options proposées.',
  'support.answer_not_in_scale': 'La réponse doit être une note entière de 1 à 5.',
  'support.interview_not_done': 'Cet entretien n’est pas encore terminé.',
} satisfies Record<string, string>;
