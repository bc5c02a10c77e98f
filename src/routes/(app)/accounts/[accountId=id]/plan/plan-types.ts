import type { PageData } from './$types';

/** One objective as the plan page receives it, with progress, attention and tasks. */
export type PlanObjective = PageData['objectives'][number];
export type PlanTask = PlanObjective['tasks'][number];
