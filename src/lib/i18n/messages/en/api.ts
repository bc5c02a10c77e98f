/** English: the JSON API and personal access tokens. Loaded only on the routes that show them (route-sections.ts). */
export const api = {
	'api.title': 'API tokens',
	'api.intro':
		'Personal access tokens let scripts and other systems use the Keel API as you, with your access. Send one as "Authorization: Bearer <token>". The API is described at /api/v1/openapi.json.',
	'api.new': 'New token',
	'api.name': 'Name',
	'api.nameHint': 'What uses it, e.g. "CRM sync".',
	'api.access': 'Access',
	'api.access.read': 'Read',
	'api.access.write': 'Read and write',
	'api.expiresOn': 'Expires on',
	'api.expiresHint':
		'The token stops working after this day. Leave empty to keep it until you revoke it.',
	'api.create': 'Create token',
	'api.created':
		'Token "{name}" created. Copy it now: it is shown only once and cannot be seen again.',
	'api.token': 'Your new token',
	'api.list': 'Your tokens',
	'api.none': 'You have no tokens.',
	'api.createdAt': 'Created',
	'api.lastUsed': 'Last used',
	'api.never': 'Never',
	'api.expires': 'Expires',
	'api.noExpiry': 'No expiry',
	'api.expired': 'Expired',
	'api.revoke': 'Revoke',
	'api.revokeNamed': 'Revoke token {name}',
	'api.revoked': 'Token revoked. Requests using it are refused from now on.',
	'api.error.expiryPast': 'Choose today or a later day.'
} as const;
