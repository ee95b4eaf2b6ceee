/** French messages of this feature's error codes. */
export const eventsMessages: Record<string, string> = {};
