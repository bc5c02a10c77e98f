import type { SectionMessages } from '../../catalogue';

/** Latin-American Spanish: user administration and personal settings. */
export const users: SectionMessages<'users'> = {
	'users.title': 'Usuarios',

	'users.status': 'Estado',
	'users.since': 'Creado',
	'users.active': 'Activo',
	'users.disabled': 'Desactivado',
	'users.enable': 'Activar a {name}',
	'users.disable': 'Desactivar a {name}',
	'users.changeRole': 'Cambiar rol',
	'users.roleFor': 'Rol de {name}',
	'users.resellerFor': 'Revendedor de {name}',
	'users.noReseller': 'Sin revendedor',
	'users.resellerForPartners': 'Revendedor (solo socios)',
	'users.initialPassword': 'Contraseña inicial',
	'users.create': 'Crear un usuario',
	'users.createButton': 'Crear usuario',

	'settings.title': 'Configuración',
	'settings.preferences': 'Idioma y zona horaria',
	'settings.language': 'Idioma',
	'settings.timeZone': 'Zona horaria (IANA, p. ej., America/Sao_Paulo)',
	'settings.password': 'Contraseña',
	'settings.currentPassword': 'Contraseña actual',
	'settings.newPassword': 'Nueva contraseña',
	'settings.passwordHint':
		'Al menos 10 caracteres. Al cambiarla, se cerrarán todas sus otras sesiones.',
	'settings.changePassword': 'Cambiar contraseña',
	'settings.passwordChanged': 'Contraseña cambiada. Se cerraron sus otras sesiones.',
	'settings.apiTokens': 'Tokens de API',
	'settings.apiTokensHint': 'Tokens de acceso personal para la API de Keel.',
	'settings.calendarFeed': 'Feed de calendario',
	'settings.calendarFeedHint':
		'Tus revisiones, kick-offs y tareas con vencimiento en tu propia aplicación de calendario.'
};
