import type { UserRole } from './vocabulary';

export interface NavItem {
	href: string;
	/** A message key, translated by the shell. */
	label: string;
	/** The message key that words the item's count for screen readers ("3 open", "2 new"). */
	countLabel?: string;
}

export const MY_WORK: NavItem = { href: '/my-work', label: 'nav.myWork' };
const BOARD: NavItem = { href: '/onboarding', label: 'nav.onboardingBoard' };
export const NOTIFICATIONS: NavItem = {
	href: '/notifications',
	label: 'nav.notifications',
	countLabel: 'nav.unreadLabel'
};
const RISKS: NavItem = { href: '/risks', label: 'nav.risks' };
const ESCALATIONS: NavItem = { href: '/escalations', label: 'nav.escalations' };
const REVIEWS: NavItem = { href: '/reviews', label: 'nav.reviews' };
const FEEDBACK: NavItem = { href: '/feedback', label: 'nav.feedback' };
/** CSV imports: for the roles that may bring records in in bulk (canImport). */
const IMPORTS: NavItem = { href: '/imports', label: 'nav.imports' };

/** Each role's navigation: only sections that exist, shaped by what the role comes for. */
export function navigationFor(role: UserRole, userId: number): NavItem[] {
	switch (role) {
		case 'csm':
			return [
				MY_WORK,
				{ href: `/accounts?csm=${userId}`, label: 'nav.myAccounts' },
				ESCALATIONS,
				REVIEWS,
				BOARD,
				FEEDBACK,
				{ href: '/accounts', label: 'nav.allAccounts' },
				NOTIFICATIONS
			];
		case 'manager':
			return [
				{ href: '/accounts', label: 'nav.accounts' },
				{ href: '/health', label: 'nav.health' },
				RISKS,
				// Critical ones raised to the manager: P1 and P2 open or breached.
				{ href: '/escalations?view=critical', label: 'nav.criticalEscalations' },
				BOARD,
				REVIEWS,
				{ href: '/adoption', label: 'nav.adoption' },
				FEEDBACK,
				MY_WORK,
				{ href: '/accounts?renewal=90&sort=renewal_date', label: 'nav.renewals' },
				NOTIFICATIONS,
				{ href: '/accounts/new', label: 'nav.newAccount' },
				IMPORTS
			];
		case 'sales':
			return [
				RISKS,
				{ href: '/accounts?renewal=90&sort=renewal_date', label: 'nav.renewals' },
				{ href: '/accounts', label: 'nav.accounts' },
				NOTIFICATIONS
			];
		case 'partner':
			return [MY_WORK, { href: '/accounts', label: 'nav.customers' }, ESCALATIONS, NOTIFICATIONS];
		case 'admin':
			return [
				{ href: '/admin/users', label: 'nav.users' },
				{ href: '/admin/templates', label: 'nav.templates' },
				{ href: '/admin/health-model', label: 'nav.healthModel' },
				{ href: '/admin/support', label: 'nav.support' },
				{ href: '/admin/review-cadences', label: 'nav.reviewCadences' },
				{ href: '/admin/webhooks', label: 'nav.webhooks' },
				{ href: '/accounts', label: 'nav.accounts' },
				IMPORTS,
				NOTIFICATIONS
			];
	}
}
