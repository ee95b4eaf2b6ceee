/** Strings of the quality-approaches screens (merged into the catalogue by fr.ts). */
export const qualityApproachesFr = {} as const;
