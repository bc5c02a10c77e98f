import type { Section } from './catalogue';

/** The catalogue section each route path segment shows; a route loads core and these. */
const SECTION_BY_SEGMENT = new Map<string, Section>([
	['escalations', 'support'],
	['support', 'support'],
	['reviews', 'reviews'],
	['review-cadences', 'reviews'],
	['feedback', 'feedback'],
	['health', 'health'],
	['health-model', 'health'],
	['risks', 'health'],
	['notifications', 'health'],
	['onboarding', 'onboarding'],
	['templates', 'onboarding'],
	['plan', 'plan'],
	['adoption', 'plan'],
	['users', 'users'],
	['settings', 'users'],
	['imports', 'imports']
]);

/**
 * The sections a route's pages need besides core, from its id
 * (`/(app)/accounts/[accountId=id]/reviews` → reviews). No route (a 404) needs none.
 * route-messages.test.ts checks every page's keys against this.
 */
export function sectionsForRoute(routeId: string | null): Section[] {
	const sections = new Set<Section>();
	for (const segment of routeId?.split('/') ?? []) {
		const section = SECTION_BY_SEGMENT.get(segment);
		if (section) sections.add(section);
	}
	return [...sections];
}
