import type { Locale } from '../domain/vocabulary';
import type { en } from './messages/en';

export type MessageKey = keyof typeof en;
/** Every catalogue has exactly the English keys; TypeScript refuses a missing translation. */
export type Messages = Record<MessageKey, string>;

/**
 * Each locale's catalogue is its own chunk, loaded by the root layout: the browser fetches the
 * one it needs once and caches it (an immutable asset), instead of every page's HTML carrying
 * the whole catalogue as data, and no catalogue is in the entry bundle.
 */
const LOADERS: Record<Locale, () => Promise<Messages>> = {
	en: () => import('./messages/en').then((m) => m.en),
	'pt-BR': () => import('./messages/pt-BR').then((m) => m.ptBR),
	es: () => import('./messages/es').then((m) => m.es)
};

export function loadCatalogue(locale: Locale): Promise<Messages> {
	return LOADERS[locale]();
}
