/** English: the JSON API and personal access tokens. Loaded only on the routes that show them (route-sections.ts). */
export const api = {} as const;
