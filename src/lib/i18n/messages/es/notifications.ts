import type { SectionMessages } from '../../catalogue';

/** Latin-American Spanish: in-app notifications and the calendar feed. */
export const notifications: SectionMessages<'notifications'> = {
	'notifications.title': 'Notificaciones',
	'notifications.subtitle':
		'Trabajo asignado a ti, plazos de SLA de tus escalaciones y cuentas, y alertas críticas de churn.',
	'notifications.unreadCount.one': '{count} sin leer',
	'notifications.unreadCount.other': '{count} sin leer',
	'notifications.markAllRead': 'Marcar todas como leídas',
	'notifications.markRead': 'Marcar como leída',
	'notifications.none': 'Todavía no hay nada aquí.',
	'notifications.new': 'Nueva',
	'notifications.by': 'por {name}',
	'notifications.due': 'vence el {date}',
	'notifications.taskAssigned': 'Tarea asignada a ti: {title}',
	'notifications.nextStepAssigned': 'Siguiente paso de churn asignado a ti: {step}',
	'notifications.escalationAssigned': 'Escalación asignada a ti: {escalation}',
	'notifications.slaWarning': 'Aviso de SLA: el plazo de {clock} de {escalation} está cerca',
	'notifications.slaBreach': 'SLA incumplido: el plazo de {clock} de {escalation} ya pasó',
	'notifications.clock.response': 'primera respuesta',
	'notifications.clock.resolution': 'resolución',
	'notifications.churnCritical': 'Alerta crítica de churn: {reason}, {arr} en riesgo',
	'calendar.title': 'Feed de calendario',
	'calendar.intro':
		'Suscríbete a tus revisiones de negocio, reuniones de kick-off y tareas con vencimiento desde Google Calendar, Outlook o Calendario de Apple. El feed cubre los últimos {past} días y los próximos {future} días, y tu aplicación de calendario lo actualiza sola.',
	'calendar.private':
		'Cualquiera que tenga esta dirección puede leer tu feed. Guárdala para ti; si se filtra, genera una nueva.',
	'calendar.active': 'Tu feed está activo desde el {date}.',
	'calendar.inactive': 'No tienes un feed de calendario.',
	'calendar.create': 'Crear la dirección del feed',
	'calendar.regenerate': 'Generar una nueva dirección',
	'calendar.regenerateHint': 'La dirección actual deja de funcionar de inmediato.',
	'calendar.turnOff': 'Desactivar el feed',
	'calendar.newUrl': 'La dirección de tu feed. Cópiala ahora: solo se muestra esta vez.',
	'calendar.urlLabel': 'Dirección del feed',
	'calendar.copy': 'Copiar',
	'calendar.copied': 'Copiado.',
	'calendar.turnedOff': 'El feed está desactivado; su dirección ya no funciona.',
	'calendar.back': 'Volver a la configuración',
	'calendar.kickoff': 'Kick-off: {account}',
	'calendar.taskDue': 'Vence: {title} ({account})',
	'calendar.name': 'Keel — {name}'
};
