import type { SectionMessages } from '../../catalogue';

/** Brazilian Portuguese: in-app notifications and the calendar feed. */
export const notifications: SectionMessages<'notifications'> = {};
