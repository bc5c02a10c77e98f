import type { Section } from './catalogue';

/** The catalogue sections each route path segment shows; a route loads core and these. */
const SECTIONS_BY_SEGMENT = new Map<string, readonly Section[]>([
	['escalations', ['support']],
	['support', ['support']],
	['reviews', ['reviews']],
	['review-cadences', ['reviews']],
	['feedback', ['feedback']],
	['health', ['health']],
	['health-model', ['health']],
	['risks', ['health']],
	['notifications', ['health', 'notifications']],
	['calendar', ['notifications']],
	['tokens', ['api']],
	['webhooks', ['webhooks']],
	['onboarding', ['onboarding']],
	['templates', ['onboarding']],
	['plan', ['plan']],
	['adoption', ['plan']],
	['users', ['users']],
	['settings', ['users']],
	// Feedback files are checked by the capture form's own rules, whose messages are feedback's.
	['imports', ['imports', 'feedback']]
]);

/**
 * The sections a route's pages need besides core, from its id
 * (`/(app)/accounts/[accountId=id]/reviews` → reviews). No route (a 404) needs none.
 * route-messages.test.ts checks every page's keys against this.
 */
export function sectionsForRoute(routeId: string | null): Section[] {
	const sections = new Set<Section>();
	for (const segment of routeId?.split('/') ?? []) {
		for (const section of SECTIONS_BY_SEGMENT.get(segment) ?? []) sections.add(section);
	}
	return [...sections];
}
