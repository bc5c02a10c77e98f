/** English: webhooks and their deliveries. Loaded only on the routes that show them (route-sections.ts). */
export const webhooks = {} as const;
