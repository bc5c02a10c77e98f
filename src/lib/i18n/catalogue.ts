import type { Locale } from '../domain/vocabulary';
import type { core } from './messages/en/core';
import type { feedback } from './messages/en/feedback';
import type { health } from './messages/en/health';
import type { api } from './messages/en/api';
import type { imports } from './messages/en/imports';
import type { onboarding } from './messages/en/onboarding';
import type { plan } from './messages/en/plan';
import type { reviews } from './messages/en/reviews';
import type { support } from './messages/en/support';
import type { users } from './messages/en/users';
import type { notifications } from './messages/en/notifications';
import type { webhooks } from './messages/en/webhooks';

/** Each section's English catalogue: its keys are the contract every other locale must fill. */
interface English {
	core: typeof core;
	support: typeof support;
	reviews: typeof reviews;
	feedback: typeof feedback;
	health: typeof health;
	onboarding: typeof onboarding;
	plan: typeof plan;
	users: typeof users;
	imports: typeof imports;
	api: typeof api;
	webhooks: typeof webhooks;
	notifications: typeof notifications;
}
export type Section = keyof English;

/** A locale's messages for one section: TypeScript refuses a missing or an extra key. */
export type SectionMessages<S extends Section> = Record<keyof English[S], string>;
export type MessageKey = { [S in Section]: keyof English[S] }[Section];
/** Every message: what every section together holds, in one locale. */
export type Messages = Record<MessageKey, string>;

type Loaders = { [S in Section]: () => Promise<SectionMessages<S>> };

/**
 * Each locale's sections are chunks of their own: a page fetches core and the sections its
 * route shows (route-sections.ts), the browser caches them (immutable assets), and no
 * catalogue is in the entry bundle or in a page's HTML.
 */
const LOADERS: Record<Locale, Loaders> = {
	en: {
		core: () => import('./messages/en/core').then((m) => m.core),
		support: () => import('./messages/en/support').then((m) => m.support),
		reviews: () => import('./messages/en/reviews').then((m) => m.reviews),
		feedback: () => import('./messages/en/feedback').then((m) => m.feedback),
		health: () => import('./messages/en/health').then((m) => m.health),
		onboarding: () => import('./messages/en/onboarding').then((m) => m.onboarding),
		plan: () => import('./messages/en/plan').then((m) => m.plan),
		users: () => import('./messages/en/users').then((m) => m.users),
		imports: () => import('./messages/en/imports').then((m) => m.imports),
		api: () => import('./messages/en/api').then((m) => m.api),
		webhooks: () => import('./messages/en/webhooks').then((m) => m.webhooks),
		notifications: () => import('./messages/en/notifications').then((m) => m.notifications)
	},
	'pt-BR': {
		core: () => import('./messages/pt-BR/core').then((m) => m.core),
		support: () => import('./messages/pt-BR/support').then((m) => m.support),
		reviews: () => import('./messages/pt-BR/reviews').then((m) => m.reviews),
		feedback: () => import('./messages/pt-BR/feedback').then((m) => m.feedback),
		health: () => import('./messages/pt-BR/health').then((m) => m.health),
		onboarding: () => import('./messages/pt-BR/onboarding').then((m) => m.onboarding),
		plan: () => import('./messages/pt-BR/plan').then((m) => m.plan),
		users: () => import('./messages/pt-BR/users').then((m) => m.users),
		imports: () => import('./messages/pt-BR/imports').then((m) => m.imports),
		api: () => import('./messages/pt-BR/api').then((m) => m.api),
		webhooks: () => import('./messages/pt-BR/webhooks').then((m) => m.webhooks),
		notifications: () => import('./messages/pt-BR/notifications').then((m) => m.notifications)
	},
	es: {
		core: () => import('./messages/es/core').then((m) => m.core),
		support: () => import('./messages/es/support').then((m) => m.support),
		reviews: () => import('./messages/es/reviews').then((m) => m.reviews),
		feedback: () => import('./messages/es/feedback').then((m) => m.feedback),
		health: () => import('./messages/es/health').then((m) => m.health),
		onboarding: () => import('./messages/es/onboarding').then((m) => m.onboarding),
		plan: () => import('./messages/es/plan').then((m) => m.plan),
		users: () => import('./messages/es/users').then((m) => m.users),
		imports: () => import('./messages/es/imports').then((m) => m.imports),
		api: () => import('./messages/es/api').then((m) => m.api),
		webhooks: () => import('./messages/es/webhooks').then((m) => m.webhooks),
		notifications: () => import('./messages/es/notifications').then((m) => m.notifications)
	}
};

/** Every section, core first; LOADERS' type makes it complete. */
export const SECTIONS = Object.keys(LOADERS.en) as Section[];

export function loadSection<S extends Section>(
	locale: Locale,
	section: S
): Promise<SectionMessages<S>> {
	return LOADERS[locale][section]();
}

// Merged once per locale and set of sections, so navigating between routes that show the same
// sections keeps the same object. Only successes are kept: a failed chunk load is retried.
const merged = new Map<string, Partial<Messages>>();

/** Core and the given sections of one locale, merged into one lookup. */
export async function loadMessages(
	locale: Locale,
	sections: readonly Section[]
): Promise<Partial<Messages>> {
	const wanted = [...new Set<Section>(['core', ...sections])];
	const id = `${locale}:${wanted.join()}`;
	let messages = merged.get(id);
	if (!messages) {
		const parts = await Promise.all(wanted.map((section) => loadSection(locale, section)));
		messages = Object.assign({}, ...parts) as Partial<Messages>;
		merged.set(id, messages);
	}
	return messages;
}

/** Every message of one locale, for server code that words text outside a page. */
export function loadCatalogue(locale: Locale): Promise<Messages> {
	// Every section together holds every key (catalogue.test.ts checks it).
	return loadMessages(locale, SECTIONS) as Promise<Messages>;
}
