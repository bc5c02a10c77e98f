import type { Locale } from '../domain/vocabulary';
import { en } from './messages/en';
import { es } from './messages/es';
import { ptBR } from './messages/pt-BR';

export type MessageKey = keyof typeof en;
/** Every catalogue has exactly the English keys; TypeScript refuses a missing translation. */
export type Messages = Record<MessageKey, string>;

const CATALOGUES: Record<Locale, Messages> = { en, 'pt-BR': ptBR, es };

export function catalogue(locale: Locale): Messages {
	return CATALOGUES[locale];
}
