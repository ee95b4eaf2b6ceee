import type { InterviewQuestion } from './support.table.ts';

/**
 * A starting grid for the annual member interview, which staff load into a year and
 * then adapt: the structure's situation, activity and employment, finances, support
 * needs (FSE+, financial diagnosis, quality, trainings, partnerships) and what the
 * member expects from the network. Only aggregates, no record of individual people.
 */
export function defaultInterviewTemplate(year: number): { title: string; questions: InterviewQuestion[] } {
  return {
    title: `Entretien annuel adhérent ${year}`,
    questions: [
      {
        id: 'situation_generale',
        label: 'Situation générale de la structure',
        kind: 'long_text',
        required: true,
        help: 'Faits marquants de l’année, évolutions du projet associatif ou de l’entreprise.',
      },
      {
        id: 'gouvernance_direction',
        label: 'Changements dans la gouvernance ou la direction',
        kind: 'long_text',
        help: 'Présidence, conseil d’administration, direction, encadrement.',
      },
      {
        id: 'sante_structure',
        label: 'Appréciation globale de la santé de la structure',
        kind: 'scale',
        required: true,
        help: '1 = très préoccupante, 5 = très bonne.',
      },
      {
        id: 'evolution_activites',
        label: 'Évolution des activités',
        kind: 'long_text',
        help: 'Nouvelles activités, arrêts, projets de développement ou de changement d’échelle.',
      },
      {
        id: 'etp_permanents',
        label: 'Salariés permanents (en ETP)',
        kind: 'number',
      },
      {
        id: 'salaries_insertion',
        label: 'Salariés en parcours d’insertion au moment de l’entretien',
        kind: 'number',
      },
      {
        id: 'difficultes_recrutement',
        label: 'Difficultés de recrutement (permanents ou salariés en insertion)',
        kind: 'yes_no',
      },
      {
        id: 'accompagnement_sorties',
        label: 'Accompagnement socioprofessionnel et sorties vers l’emploi : points marquants',
        kind: 'long_text',
      },
      {
        id: 'situation_financiere',
        label: 'Situation financière du dernier exercice',
        kind: 'choice',
        options: ['Saine', 'Fragile', 'En difficulté'],
        required: true,
      },
      {
        id: 'tensions_tresorerie',
        label: 'Tensions de trésorerie au cours des douze derniers mois',
        kind: 'yes_no',
      },
      {
        id: 'commentaire_financier',
        label: 'Commentaires sur la situation financière',
        kind: 'long_text',
        help: 'Résultat, fonds propres, dépendance aux financements publics, retards de paiement.',
      },
      {
        id: 'besoin_fse_plus',
        label: 'Besoin d’appui sur le FSE+',
        kind: 'choice',
        options: ['Aucun', 'Demande de subvention', 'Bilan ou contrôle', 'Demande et bilan'],
      },
      {
        id: 'besoin_diagnostic_financier',
        label: 'Souhait d’un diagnostic économique et financier',
        kind: 'yes_no',
      },
      {
        id: 'demarche_qualite',
        label: 'Démarche qualité',
        kind: 'choice',
        options: ['Aucune', 'À engager', 'En cours', 'Certifiée ou labellisée'],
        help: 'CEDRE ISO 9001, CAP, CAP RSE.',
      },
      {
        id: 'besoins_formation',
        label: 'Besoins de formation',
        kind: 'long_text',
        help: 'Direction, encadrement technique, accompagnement socioprofessionnel, fonctions support.',
      },
      {
        id: 'partenariats',
        label: 'Partenariats à développer',
        kind: 'long_text',
        help: 'Entreprises, collectivités, autres SIAE, achats responsables, projets de territoire.',
      },
      {
        id: 'satisfaction_reseau',
        label: 'Satisfaction à l’égard de l’appui du réseau',
        kind: 'scale',
        required: true,
        help: '1 = pas du tout satisfait, 5 = très satisfait.',
      },
      {
        id: 'attentes_reseau',
        label: 'Attentes vis-à-vis du réseau pour l’année à venir',
        kind: 'long_text',
        required: true,
      },
      {
        id: 'interet_gep',
        label: 'Intérêt pour un groupe d’échange de pratiques (GEP)',
        kind: 'yes_no',
      },
      {
        id: 'suites_convenues',
        label: 'Suites convenues',
        kind: 'long_text',
        help: 'Dossiers d’accompagnement à ouvrir, contacts à prendre, prochain rendez-vous.',
      },
    ],
  };
}
