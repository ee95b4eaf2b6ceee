import type { GridPillar } from './quality-approaches.table.ts';

/*
 * A starting grid staff may load and then edit: the five fields the 2024 report names for
 * the continuous-improvement work of members (cœur de métier IAE, ancrage territorial,
 * projet social, participation des salariés) plus the environment, four maturity levels.
 */
const LEVELS = [
  { level: 1, label: 'Non engagé', description: 'Rien n’est encore formalisé.' },
  { level: 2, label: 'Initié', description: 'Des pratiques existent mais restent ponctuelles.' },
  { level: 3, label: 'Structuré', description: 'La pratique est formalisée, suivie et partagée.' },
  { level: 4, label: 'Exemplaire', description: 'La pratique est évaluée, améliorée et valorisée.' },
];

const criterion = (id: string, label: string, guidance: string) => ({ id, label, guidance, levels: LEVELS });

export const DEFAULT_GRID_NAME = 'Grille RSE et amélioration continue';

export const DEFAULT_GRID: GridPillar[] = [
  {
    id: 'coeur-metier',
    label: 'Cœur de métier IAE',
    criteria: [
      criterion(
        'accueil',
        'Accueil et intégration des salariés en parcours',
        'Livret d’accueil, référent, période d’intégration.',
      ),
      criterion(
        'accompagnement',
        'Accompagnement socioprofessionnel',
        'Entretiens réguliers, levée des freins, suivi des étapes du parcours.',
      ),
      criterion(
        'formation',
        'Formation et montée en compétences',
        'Plan de formation, évaluation des compétences, attestations.',
      ),
    ],
  },
  {
    id: 'ancrage',
    label: 'Ancrage territorial',
    criteria: [
      criterion(
        'partenariats',
        'Partenariats locaux',
        'Conventions avec les prescripteurs, entreprises et collectivités.',
      ),
      criterion('cooperation', 'Coopération entre structures', 'Mutualisations, projets collectifs, PTCE.'),
    ],
  },
  {
    id: 'projet-social',
    label: 'Projet social',
    criteria: [
      criterion(
        'projet',
        'Projet social formalisé et partagé',
        'Projet écrit, connu des équipes, revu périodiquement.',
      ),
      criterion(
        'qualite-emploi',
        'Qualité des emplois proposés',
        'Conditions de travail, temps de travail, santé et sécurité.',
      ),
    ],
  },
  {
    id: 'participation',
    label: 'Participation des salariés',
    criteria: [
      criterion(
        'dialogue',
        'Dialogue social',
        'Instances représentatives, réunions d’équipe, expression des salariés.',
      ),
      criterion(
        'vie-entreprise',
        'Participation à la vie de l’entreprise',
        'Salariés associés aux décisions, à la gouvernance associative.',
      ),
    ],
  },
  {
    id: 'environnement',
    label: 'Environnement',
    criteria: [
      criterion(
        'impact',
        'Réduction des impacts environnementaux',
        'Énergie, déchets, déplacements, achats responsables.',
      ),
      criterion(
        'sensibilisation',
        'Sensibilisation des équipes',
        'Actions de sensibilisation, écogestes, formation.',
      ),
    ],
  },
];
