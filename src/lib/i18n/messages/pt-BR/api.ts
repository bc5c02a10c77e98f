import type { SectionMessages } from '../../catalogue';

/** Brazilian Portuguese: the JSON API and personal access tokens. */
export const api: SectionMessages<'api'> = {};
