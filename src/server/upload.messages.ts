/** French messages of the checks every upload goes through (src/server/zip-guard.ts). */
export const uploadMessages = {
  'upload.zip_unreadable':
    'Le fichier est une archive illisible ou endommagée (un XLSX est une archive ZIP).',
  'upload.zip_too_large':
    'Le fichier contient une quantité de données démesurée une fois décompressé : il est refusé.',
  'upload.zip_ratio':
    'Le fichier est anormalement compressé (une archive piégée, « bombe ZIP ») : il est refusé.',
  'upload.zip_too_many_entries': 'Le fichier contient un nombre anormal d’éléments : il est refusé.',
} satisfies Record<string, string>;
