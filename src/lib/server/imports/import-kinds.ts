import type { ImportKind } from '../../domain/import-kinds';
import { accountImport } from './account-import';
import { accountTeamImport } from './account-team-import';
import { contactImport } from './contact-import';
import { feedbackImport } from './feedback-import';
import type { ImportKindModule } from './import-kind';
import { usageImport } from './usage-import';

/** Each kind's module; a new kind of file is one more entry (and its name in IMPORT_KINDS). */
const MODULES: { [K in ImportKind]: ImportKindModule<unknown, unknown> } = {
	accounts: accountImport,
	contacts: contactImport,
	account_team: accountTeamImport,
	usage: usageImport,
	feedback: feedbackImport
};

export function kindModule(kind: ImportKind): ImportKindModule<unknown, unknown> {
	return MODULES[kind];
}
