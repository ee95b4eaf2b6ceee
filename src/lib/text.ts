/** Text folding for search, matching and file names: the same rules wherever French text is compared. */

/** "Été" → "Ete": the letters without their diacritics (combining marks dropped after NFD). */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '');
}

/**
 * Search key: lowercase, no diacritics, ligatures expanded (œ -> oe, æ -> ae),
 * punctuation and symbols (apostrophes, hyphens, dots…) turned into spaces,
 * whitespace collapsed and trimmed.
 */
export function normaliseForSearch(text: string): string {
  return foldAccents(text.toLowerCase())
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Coorace Occitanie" → "coorace-occitanie": ASCII letters and digits between hyphens, maybe empty. */
export function slug(text: string): string {
  return foldAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
