import type { PageData } from './$types';

/** One metric as the Adoption tab receives it: latest reading, flags, trend, 12-month series. */
export type AdoptionMetric = PageData['products'][number]['metrics'][number];
