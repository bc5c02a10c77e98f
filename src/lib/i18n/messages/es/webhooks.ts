import type { SectionMessages } from '../../catalogue';

/** Latin-American Spanish: webhooks and their deliveries. */
export const webhooks: SectionMessages<'webhooks'> = {
	'webhooks.title': 'Webhooks',
	'webhooks.intro':
		'Envía los eventos importantes de Keel al chat o a otros sistemas. Cada uno es un cuerpo JSON cuya línea de texto los webhooks entrantes de Slack y Microsoft Teams muestran tal cual.',
	'webhooks.new': 'Nuevo webhook',
	'webhooks.empty':
		'Todavía no hay webhooks. Añade uno para enviar eventos a un canal de chat o a otro sistema.',
	'webhooks.col.endpoint': 'Dirección',
	'webhooks.col.events': 'Eventos',
	'webhooks.col.state': 'Estado',
	'webhooks.col.last': 'Última entrega',
	'webhooks.col.failed': 'Fallidas',
	'webhooks.active': 'Activo',
	'webhooks.paused': 'En pausa',
	'webhooks.never': 'Nada enviado todavía',
	'webhooks.event.churn_flag.critical_raised': 'Alerta de churn crítica abierta',
	'webhooks.event.escalation.sla_warning': 'Aviso de SLA',
	'webhooks.event.escalation.sla_breach': 'SLA incumplido',
	'webhooks.event.escalation.p1_opened': 'Escalamiento P1 abierto',
	'webhooks.event.onboarding.at_risk': 'Onboarding en riesgo',
	'webhooks.event.test': 'Prueba',
	'webhooks.status.pending': 'Pendiente',
	'webhooks.status.delivered': 'Entregada',
	'webhooks.status.failed': 'Fallida',
	'webhooks.field.url': 'URL de destino',
	'webhooks.field.urlHint':
		'Una dirección http:// o https://. Para Slack o Teams, pega la URL del webhook entrante del canal.',
	'webhooks.field.description': 'Descripción',
	'webhooks.field.descriptionHint': 'Para qué sirve, por ejemplo «#cs-alertas en Slack».',
	'webhooks.field.events': 'Eventos que enviar',
	'webhooks.field.locale': 'Idioma del mensaje',
	'webhooks.field.active': 'Activo',
	'webhooks.field.activeHint':
		'Un webhook en pausa no recibe eventos nuevos; las entregas ya en cola se terminan igualmente.',
	'webhooks.create': 'Crear webhook',
	'webhooks.save': 'Guardar webhook',
	'webhooks.created':
		'Webhook creado. Entrega el secreto de firma de abajo al receptor para que compruebe cada petición.',
	'webhooks.saved': 'Webhook guardado.',
	'webhooks.deleted': 'Webhook eliminado.',
	'webhooks.settings': 'Configuración',
	'webhooks.secret.title': 'Secreto de firma',
	'webhooks.secret.hint':
		'El receptor lo usa para comprobar que una petición viene de Keel. No lo pongas en mensajes de chat ni en repositorios de código.',
	'webhooks.secret.rotate': 'Cambiar secreto',
	'webhooks.secret.rotateHint':
		'Un secreto nuevo vale al instante: toda entrega desde ahora, reintentos incluidos, se firma con él.',
	'webhooks.secret.rotated': 'Nuevo secreto de firma creado. Actualiza el receptor.',
	'webhooks.test.title': 'Enviar una prueba',
	'webhooks.test.button': 'Enviar prueba',
	'webhooks.test.hint':
		'Pone en cola un evento de prueba para este webhook, aunque esté en pausa. La respuesta del receptor aparece en el registro en pocos segundos.',
	'webhooks.test.queued': 'Prueba en cola. Esperando al receptor…',
	'webhooks.test.delivered': 'La prueba se entregó: el receptor respondió {status}.',
	'webhooks.test.failed':
		'La prueba no se entregó: {reason}. Se reintentará según el calendario de abajo.',
	'webhooks.log.title': 'Entregas',
	'webhooks.log.caption': 'Entregas, de la más reciente a la más antigua',
	'webhooks.log.empty': 'Todavía no se ha enviado nada a este webhook.',
	'webhooks.log.event': 'Evento',
	'webhooks.log.status': 'Estado',
	'webhooks.log.attempts': 'Intentos',
	'webhooks.log.response': 'Respuesta',
	'webhooks.log.queued': 'En cola desde',
	'webhooks.log.next': 'Próximo intento',
	'webhooks.log.ms': '{ms} ms',
	'webhooks.log.noAnswer': 'Sin respuesta',
	'webhooks.log.details': 'Lo que respondió el receptor',
	'webhooks.log.retry': 'Reintentar ahora',
	'webhooks.log.retried': 'Entrega de nuevo en cola; se envía en pocos segundos.',
	'webhooks.delete.title': 'Eliminar webhook',
	'webhooks.delete.hint':
		'Elimina el webhook y su registro de entregas. No se envía nada más a esta URL.',
	'webhooks.delete.button': 'Eliminar webhook',
	'webhooks.signing.title': 'Recibir y verificar',
	'webhooks.signing.request':
		'Cada entrega es un POST con cuerpo JSON: text (una frase con la cuenta y un enlace), event, occurred_at y data (los ids y los datos clave). Cabeceras: X-Keel-Event (el evento), X-Keel-Delivery (el id de la entrega, el mismo en cada reintento), X-Keel-Timestamp (segundos Unix del envío) y X-Keel-Signature.',
	'webhooks.signing.verify':
		'Para verificar una petición, calcula el HMAC-SHA256 de la cabecera de timestamp, un punto y el cuerpo sin modificar, con el secreto de firma como clave, y compara su resumen hexadecimal con X-Keel-Signature después de «sha256=». Rechaza las peticiones cuyo timestamp tenga más de cinco minutos.',
	'webhooks.signing.retries':
		'El receptor debe responder 2xx en 10 segundos. Si no, la entrega se reintenta tras 1 minuto, 5 minutos, 30 minutos, 2 horas y 12 horas, y después se marca como fallida. No se siguen redirecciones. El registro guarda 30 días.',
	'webhooks.error.url': 'Escribe una dirección http:// o https://, sin usuario ni contraseña.',
	'webhooks.error.noEvents': 'Elige al menos un evento.',
	'webhooks.error.notFailed': 'Solo se puede reintentar una entrega fallida.',
	'webhooks.text.criticalFlag':
		'Riesgo de churn crítico en {account}: {reason}, {arr} de ARR en riesgo. {link}',
	'webhooks.text.slaWarning':
		'El escalamiento {priority} de {account} ha usado el 75 % de su plazo de {clock}: {title}. {link}',
	'webhooks.text.slaBreach':
		'El escalamiento {priority} de {account} incumplió su plazo de {clock}: {title}. {link}',
	'webhooks.text.p1Opened': 'Escalamiento P1 abierto en {account}: {title}. {link}',
	'webhooks.text.onboardingAtRisk':
		'El onboarding de {account} está en riesgo ({reasons}); go-live previsto para el {goLive}. {link}',
	'webhooks.text.test':
		'Prueba de Keel para el webhook «{name}». Si lees esto, las entregas llegan. {link}',
	'webhooks.clock.response': 'primera respuesta',
	'webhooks.clock.resolution': 'resolución',
	'webhooks.risk.phaseOverrun': 'fase {phase} con {days} días de {target} previstos',
	'webhooks.risk.requiredOverdue': 'elementos obligatorios vencidos: {count}'
};
