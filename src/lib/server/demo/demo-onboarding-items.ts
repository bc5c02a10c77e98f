/**
 * One demo onboarding's checklist, pure: its items as `onboarding.service.start` creates them
 * (localized title and description, owner resolved from the account team, due date from the
 * start date), then worked on up to today: closed phases settled and their exit criteria
 * ticked, the current phase part done, later phases untouched.
 */
import { localize } from '../../domain/localized-text';
import { dueDateFor, resolveOwner } from '../../domain/onboarding-rules';
import type { ItemOwner, Phase, TemplatePhase } from '../../domain/onboarding-template';
import type { Locale, TaskStatus, TeamRole } from '../../domain/vocabulary';
import { addDays } from './demo-parts';
import type { Rng } from './random';

export interface PlannedCriterion {
	text: TemplatePhase['exitCriteria'][number];
	/** ISO timestamp, null while unticked. */
	checkedAt: string | null;
	checkedByUserIndex: number | null;
}

export interface PlannedPhase {
	phase: Phase;
	targetDays: number;
	startedOn: string | null;
	completedOn: string | null;
	skipped: boolean;
	entryCriteria: TemplatePhase['entryCriteria'];
	exitCriteria: PlannedCriterion[];
}

export interface PlannedItem {
	phase: Phase;
	position: number;
	required: boolean;
	owner: ItemOwner;
	key: string;
	title: string;
	description: string;
	/** Index into `DemoPlan.users`; null for the customer or a role the team lacks. */
	ownerUserIndex: number | null;
	dueDate: string;
	status: TaskStatus;
	skipReason: string | null;
	/** ISO timestamp. */
	completedAt: string | null;
	completedByUserIndex: number | null;
}

/** How an active onboarding is doing: on time, or at risk by overrun, overdue items, or both. */
export type Risk = 'none' | 'overrun' | 'overdue' | 'both';

export interface ChecklistInput {
	rng: Rng;
	today: string;
	startDate: string;
	locale: Locale;
	/** The account team, as user indexes. */
	team: readonly { userIndex: number; teamRole: TeamRole }[];
	csm: number;
	templatePhases: readonly TemplatePhase[];
	phases: PlannedPhase[];
	itemSkipReasons: readonly string[];
	/** Active onboardings only; null for a completed one. */
	risk: Risk | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A working-hours moment on `day`, as an ISO timestamp. */
export function stamp(rng: Rng, day: string): string {
	return `${day}T${pad(rng.int(8, 17))}:${pad(rng.int(0, 59))}:00.000Z`;
}

const clamp = (day: string, from: string, to: string) => (day < from ? from : day > to ? to : day);

/** Creates the items of every phase that is not skipped and works them; ticks exit criteria. */
export function planChecklist(input: ChecklistInput): PlannedItem[] {
	const { rng, today, csm } = input;
	const team = input.team.map((m) => ({ team_role: m.teamRole, user_id: m.userIndex }));
	const yesterday = addDays(today, -1);
	const items: PlannedItem[] = [];

	const settle = (item: PlannedItem, status: 'done' | 'skipped', from: string, to: string) => {
		const day = clamp(addDays(item.dueDate, rng.int(-4, 2)), from, to);
		item.status = status;
		item.skipReason = status === 'skipped' ? rng.pick(input.itemSkipReasons) : null;
		item.completedAt = stamp(rng, day);
		item.completedByUserIndex = csm;
	};

	for (const phase of input.phases) {
		const template = input.templatePhases.find((p) => p.phase === phase.phase);
		// A skipped pre-onboarding has nothing to do: its items are not created.
		if (!template || phase.skipped) continue;
		for (const [position, t] of template.items.entries()) {
			const item: PlannedItem = {
				phase: phase.phase,
				position,
				required: t.required,
				owner: t.owner,
				key: t.key,
				title: localize(t.title, input.locale),
				description: localize(t.description, input.locale),
				ownerUserIndex: resolveOwner(t.owner, team),
				dueDate: dueDateFor(input.startDate, t.dueOffsetDays),
				status: 'open',
				skipReason: null,
				completedAt: null,
				completedByUserIndex: null
			};
			items.push(item);
			if (phase.startedOn && phase.completedOn) {
				const skip = rng.chance(item.required ? 0.04 : 0.3);
				settle(item, skip ? 'skipped' : 'done', phase.startedOn, phase.completedOn);
			} else if (phase.startedOn && phase.startedOn <= yesterday) {
				if (rng.chance(item.dueDate < today ? 0.7 : 0.15))
					settle(item, 'done', phase.startedOn, yesterday);
			}
		}
		tickCriteria(rng, phase, csm, yesterday);
	}
	if (input.risk) applyRisk(input, items);
	return items;
}

function tickCriteria(rng: Rng, phase: PlannedPhase, csm: number, yesterday: string) {
	if (!phase.startedOn) return;
	const last = phase.exitCriteria.length - 1;
	for (const [index, criterion] of phase.exitCriteria.entries()) {
		// A closed phase passed its gate; the current one keeps its last criterion open.
		const closed = phase.completedOn !== null;
		if (!closed && (index === last || !rng.chance(0.4) || phase.startedOn > yesterday)) continue;
		const day = phase.completedOn ?? addDays(phase.startedOn, rng.int(0, 3));
		criterion.checkedAt = stamp(rng, day > yesterday ? yesterday : day);
		criterion.checkedByUserIndex = csm;
	}
}

/**
 * On time: no open required item is overdue (due dates pushed past today). At risk by overdue
 * items: one required item of the current phase, the CSM's own if there is one, is open and late.
 */
function applyRisk(input: ChecklistInput, items: PlannedItem[]) {
	const { rng, today, risk } = input;
	const current = input.phases.find((p) => !p.completedOn && !p.skipped);
	if (!current?.startedOn) return;
	const inCurrent = items.filter((i) => i.phase === current.phase && i.required);
	// With no exit criterion to hold the gate, an open required item does.
	if (current.exitCriteria.length === 0 && inCurrent.every((i) => i.status !== 'open')) {
		const last = inCurrent.at(-1);
		if (last) reopen(last);
	}
	if (risk === 'none' || risk === 'overrun') {
		for (const item of items) {
			if (item.required && item.status === 'open' && item.dueDate < today)
				item.dueDate = addDays(today, rng.int(1, 14));
		}
		return;
	}
	const late = (i: PlannedItem) => i.status === 'open' && i.dueDate < today;
	const mine = inCurrent.filter((i) => i.owner === 'CSM');
	const target =
		mine.find(late) ?? mine.find((i) => i.status === 'open') ?? mine[0] ?? inCurrent[0];
	if (!target) return;
	reopen(target);
	if (target.dueDate >= today) {
		const due = addDays(today, -rng.int(1, 7));
		target.dueDate = due < current.startedOn ? current.startedOn : due;
	}
}

function reopen(item: PlannedItem) {
	item.status = 'open';
	item.skipReason = null;
	item.completedAt = null;
	item.completedByUserIndex = null;
}
