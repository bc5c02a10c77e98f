import type { SectionMessages } from '../../catalogue';

/** Brazilian Portuguese: webhooks and their deliveries. */
export const webhooks: SectionMessages<'webhooks'> = {};
