import type { SectionMessages } from '../../catalogue';

/** Latin-American Spanish: the JSON API and personal access tokens. */
export const api: SectionMessages<'api'> = {
	'api.title': 'Tokens de API',
	'api.intro':
		'Los tokens de acceso personal permiten que scripts y otros sistemas usen la API de Keel en su nombre, con su acceso. Envíe uno como "Authorization: Bearer <token>". La API está descrita en /api/v1/openapi.json.',
	'api.new': 'Nuevo token',
	'api.name': 'Nombre',
	'api.nameHint': 'Qué lo usa, por ejemplo "Sincronización con el CRM".',
	'api.access': 'Acceso',
	'api.access.read': 'Lectura',
	'api.access.write': 'Lectura y escritura',
	'api.expiresOn': 'Caduca el',
	'api.expiresHint':
		'El token deja de funcionar después de este día. Déjelo vacío para conservarlo hasta revocarlo.',
	'api.create': 'Crear token',
	'api.created':
		'Token "{name}" creado. Cópielo ahora: se muestra solo una vez y no podrá volver a verse.',
	'api.token': 'Su nuevo token',
	'api.list': 'Sus tokens',
	'api.none': 'No tiene tokens.',
	'api.createdAt': 'Creado',
	'api.lastUsed': 'Último uso',
	'api.never': 'Nunca',
	'api.expires': 'Caduca',
	'api.noExpiry': 'Sin caducidad',
	'api.expired': 'Caducado',
	'api.revoke': 'Revocar',
	'api.revokeNamed': 'Revocar el token {name}',
	'api.revoked': 'Token revocado. Las solicitudes que lo usen se rechazan a partir de ahora.',
	'api.error.expiryPast': 'Elija hoy o un día posterior.'
};
