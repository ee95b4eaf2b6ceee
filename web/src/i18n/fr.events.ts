/** Strings of the events screens (merged into the catalogue by fr.ts). */
export const eventsFr = {} as const;
