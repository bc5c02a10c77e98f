/** English: user administration and personal settings. Loaded only on the routes that show them (route-sections.ts). */
export const users = {
	'users.title': 'Users',

	'users.status': 'Status',
	'users.since': 'Created',
	'users.active': 'Active',
	'users.disabled': 'Disabled',
	'users.enable': 'Enable {name}',
	'users.disable': 'Disable {name}',
	'users.changeRole': 'Change role',
	'users.roleFor': 'Role of {name}',
	'users.resellerFor': 'Reseller of {name}',
	'users.noReseller': 'No reseller',
	'users.resellerForPartners': 'Reseller (partners only)',
	'users.initialPassword': 'Initial password',
	'users.create': 'Create a user',
	'users.createButton': 'Create user',

	'settings.title': 'Settings',
	'settings.preferences': 'Language and time zone',
	'settings.language': 'Language',
	'settings.timeZone': 'Time zone (IANA, e.g. America/Sao_Paulo)',
	'settings.password': 'Password',
	'settings.currentPassword': 'Current password',
	'settings.newPassword': 'New password',
	'settings.passwordHint': 'At least 10 characters. Changing it signs you out everywhere else.',
	'settings.changePassword': 'Change password',
	'settings.passwordChanged': 'Password changed. Your other sessions have been signed out.',
	'settings.apiTokens': 'API tokens',
	'settings.apiTokensHint': 'Personal access tokens for the Keel API.',
	'settings.calendarFeed': 'Calendar feed',
	'settings.calendarFeedHint': 'Your reviews, kick-offs and due tasks in your own calendar app.'
} as const;
