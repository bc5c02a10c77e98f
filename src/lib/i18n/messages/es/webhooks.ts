import type { SectionMessages } from '../../catalogue';

/** Latin-American Spanish: webhooks and their deliveries. */
export const webhooks: SectionMessages<'webhooks'> = {};
