import type { SectionMessages } from '../../catalogue';

/** Latin-American Spanish: the JSON API and personal access tokens. */
export const api: SectionMessages<'api'> = {};
