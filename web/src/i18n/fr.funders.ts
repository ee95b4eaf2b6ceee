/** Strings of the funders screens (merged into the catalogue by fr.ts). */
export const fundersFr = {} as const;
