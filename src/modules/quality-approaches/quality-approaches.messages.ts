/** French messages of this feature's error codes. */
export const qualityApproachesMessages: Record<string, string> = {};
