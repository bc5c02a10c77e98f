/** English: in-app notifications and the calendar feed. Loaded only on the routes that show them (route-sections.ts). */
export const notifications = {} as const;
