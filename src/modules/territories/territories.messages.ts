/** French messages of this feature's error codes. */
export const territoriesMessages: Record<string, string> = {};
