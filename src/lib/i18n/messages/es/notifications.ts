import type { SectionMessages } from '../../catalogue';

/** Latin-American Spanish: in-app notifications and the calendar feed. */
export const notifications: SectionMessages<'notifications'> = {};
