import type { UserRole } from './vocabulary';

export interface NavItem {
	href: string;
	/** A message key, translated by the shell. */
	label: string;
}

/** Each role's navigation: only sections that exist, shaped by what the role comes for. */
export function navigationFor(role: UserRole, userId: number): NavItem[] {
	switch (role) {
		case 'csm':
			return [
				{ href: `/accounts?csm=${userId}`, label: 'nav.myAccounts' },
				{ href: '/accounts', label: 'nav.allAccounts' }
			];
		case 'manager':
			return [
				{ href: '/accounts', label: 'nav.accounts' },
				{ href: '/accounts?renewal=90&sort=renewal_date', label: 'nav.renewals' },
				{ href: '/accounts/new', label: 'nav.newAccount' }
			];
		case 'sales':
			return [
				{ href: '/accounts?renewal=90&sort=renewal_date', label: 'nav.renewals' },
				{ href: '/accounts', label: 'nav.accounts' }
			];
		case 'partner':
			return [{ href: '/accounts', label: 'nav.customers' }];
		case 'admin':
			return [
				{ href: '/admin/users', label: 'nav.users' },
				{ href: '/accounts', label: 'nav.accounts' }
			];
	}
}
