/** French messages of this feature's error codes. */
export const trainingsMessages: Record<string, string> = {};
