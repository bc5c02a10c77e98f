import { describe, expect, it } from 'vitest';
import { canImport } from '../../src/lib/domain/access';
import { parseAccountListQuery } from '../../src/lib/domain/account-list-query';
import { navigationFor } from '../../src/lib/domain/navigation';
import { USER_ROLES } from '../../src/lib/domain/vocabulary';
import { loadCatalogue } from '../../src/lib/i18n/catalogue';

const en = await loadCatalogue('en');

describe('navigationFor', () => {
	it('gives a CSM My work first (their home), their accounts, escalations, reviews, the board, feedback trends, all accounts, then notifications', () => {
		expect(navigationFor('csm', 42)).toEqual([
			{ href: '/my-work', label: 'nav.myWork' },
			{ href: '/accounts?csm=42', label: 'nav.myAccounts' },
			{ href: '/escalations', label: 'nav.escalations' },
			{ href: '/reviews', label: 'nav.reviews' },
			{ href: '/onboarding', label: 'nav.onboardingBoard' },
			{ href: '/feedback', label: 'nav.feedback' },
			{ href: '/accounts', label: 'nav.allAccounts' },
			{ href: '/notifications', label: 'nav.notifications', countLabel: 'nav.unreadLabel' }
		]);
	});

	it("links a CSM's own accounts to their own id", () => {
		expect(navigationFor('csm', 7)[1]!.href).toBe('/accounts?csm=7');
		expect(navigationFor('csm', 1234)[1]!.href).toBe('/accounts?csm=1234');
	});

	it('gives a manager accounts, health, churn risks, critical escalations, the board, reviews, adoption, feedback trends, their work, renewals, notifications, a new-account link and imports', () => {
		expect(navigationFor('manager', 1)).toEqual([
			{ href: '/accounts', label: 'nav.accounts' },
			{ href: '/health', label: 'nav.health' },
			{ href: '/risks', label: 'nav.risks' },
			{ href: '/escalations?view=critical', label: 'nav.criticalEscalations' },
			{ href: '/onboarding', label: 'nav.onboardingBoard' },
			{ href: '/reviews', label: 'nav.reviews' },
			{ href: '/adoption', label: 'nav.adoption' },
			{ href: '/feedback', label: 'nav.feedback' },
			{ href: '/my-work', label: 'nav.myWork' },
			{ href: '/accounts?renewal=90&sort=renewal_date', label: 'nav.renewals' },
			{ href: '/notifications', label: 'nav.notifications', countLabel: 'nav.unreadLabel' },
			{ href: '/accounts/new', label: 'nav.newAccount' },
			{ href: '/imports', label: 'nav.imports' }
		]);
	});

	it('gives sales churn risks first, renewals, accounts and notifications, and no new-account link', () => {
		expect(navigationFor('sales', 1)).toEqual([
			{ href: '/risks', label: 'nav.risks' },
			{ href: '/accounts?renewal=90&sort=renewal_date', label: 'nav.renewals' },
			{ href: '/accounts', label: 'nav.accounts' },
			{ href: '/notifications', label: 'nav.notifications', countLabel: 'nav.unreadLabel' }
		]);
	});

	it('gives notifications to every role, with an unread count', () => {
		for (const role of USER_ROLES) {
			const item = navigationFor(role, 1).find((item) => item.href === '/notifications');
			expect(item, role).toEqual({
				href: '/notifications',
				label: 'nav.notifications',
				countLabel: 'nav.unreadLabel'
			});
		}
	});

	it("gives a partner their work, their customers, their customers' escalations and notifications", () => {
		expect(navigationFor('partner', 1)).toEqual([
			{ href: '/my-work', label: 'nav.myWork' },
			{ href: '/accounts', label: 'nav.customers' },
			{ href: '/escalations', label: 'nav.escalations' },
			{ href: '/notifications', label: 'nav.notifications', countLabel: 'nav.unreadLabel' }
		]);
	});

	it('gives My work to everyone who may complete tasks, not to sales or admins', () => {
		for (const role of USER_ROLES) {
			const hasWork = navigationFor(role, 1).some((item) => item.href === '/my-work');
			expect(hasWork, role).toBe(role === 'csm' || role === 'manager' || role === 'partner');
		}
	});

	it('gives an admin users first, templates, the health model, support settings, review cadences, webhooks, then accounts, imports and notifications', () => {
		expect(navigationFor('admin', 1)).toEqual([
			{ href: '/admin/users', label: 'nav.users' },
			{ href: '/admin/templates', label: 'nav.templates' },
			{ href: '/admin/health-model', label: 'nav.healthModel' },
			{ href: '/admin/support', label: 'nav.support' },
			{ href: '/admin/review-cadences', label: 'nav.reviewCadences' },
			{ href: '/admin/webhooks', label: 'nav.webhooks' },
			{ href: '/accounts', label: 'nav.accounts' },
			{ href: '/imports', label: 'nav.imports' },
			{ href: '/notifications', label: 'nav.notifications', countLabel: 'nav.unreadLabel' }
		]);
	});

	it('gives imports to exactly the roles that may import', () => {
		for (const role of USER_ROLES) {
			const has = navigationFor(role, 1).some((item) => item.href === '/imports');
			expect(has, role).toBe(canImport({ id: 1, role, resellerId: null }));
		}
	});

	it('gives no role but admin an admin link', () => {
		for (const role of USER_ROLES) {
			const adminLinks = navigationFor(role, 1).filter((item) => item.href.startsWith('/admin'));
			expect(adminLinks.length > 0, role).toBe(role === 'admin');
		}
	});

	it('gives only a manager the new-account link', () => {
		for (const role of USER_ROLES) {
			const hrefs = navigationFor(role, 1).map((item) => item.href);
			expect(hrefs.includes('/accounts/new'), role).toBe(role === 'manager');
		}
	});

	it('gives only a CSM a link filtered to one CSM', () => {
		for (const role of USER_ROLES) {
			const filtered = navigationFor(role, 5).filter((item) => item.href.includes('csm='));
			expect(filtered.length > 0, role).toBe(role === 'csm');
		}
	});

	it('gives every role at least one link, none repeated, each labelled from the catalogue', () => {
		for (const role of USER_ROLES) {
			const items = navigationFor(role, 3);
			expect(items.length, role).toBeGreaterThan(0);
			expect(new Set(items.map((item) => item.href)).size, role).toBe(items.length);
			for (const item of items) expect(en, `${role} ${item.label}`).toHaveProperty([item.label]);
		}
	});

	it('builds account links the list understands', () => {
		for (const role of ['manager', 'sales'] as const) {
			const item = navigationFor(role, 1).find((i) => i.label === 'nav.renewals')!;
			const renewals = new URL(item.href, 'http://keel.test');
			expect(parseAccountListQuery(renewals.searchParams)).toMatchObject({
				renewalWithin: 90,
				sort: 'renewal_date'
			});
		}
		const mine = new URL(navigationFor('csm', 42)[1]!.href, 'http://keel.test');
		expect(parseAccountListQuery(mine.searchParams).csm).toBe(42);
	});
});
