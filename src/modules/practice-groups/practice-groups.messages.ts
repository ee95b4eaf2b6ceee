/** French messages of this feature's error codes. */
export const practiceGroupsMessages: Record<string, string> = {};
