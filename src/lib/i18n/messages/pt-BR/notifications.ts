import type { SectionMessages } from '../../catalogue';

/** Brazilian Portuguese: in-app notifications and the calendar feed. */
export const notifications: SectionMessages<'notifications'> = {
	'notifications.title': 'Notificações',
	'notifications.subtitle':
		'Trabalho atribuído a você, prazos de SLA das suas escalações e contas, e alertas críticos de churn.',
	'notifications.unreadCount.one': '{count} não lida',
	'notifications.unreadCount.other': '{count} não lidas',
	'notifications.markAllRead': 'Marcar todas como lidas',
	'notifications.markRead': 'Marcar como lida',
	'notifications.none': 'Nada por aqui ainda.',
	'notifications.new': 'Nova',
	'notifications.by': 'por {name}',
	'notifications.due': 'vence em {date}',
	'notifications.taskAssigned': 'Tarefa atribuída a você: {title}',
	'notifications.nextStepAssigned': 'Próximo passo de churn atribuído a você: {step}',
	'notifications.escalationAssigned': 'Escalação atribuída a você: {escalation}',
	'notifications.slaWarning': 'Alerta de SLA: o prazo de {clock} de {escalation} está próximo',
	'notifications.slaBreach': 'SLA violado: o prazo de {clock} de {escalation} já passou',
	'notifications.clock.response': 'primeira resposta',
	'notifications.clock.resolution': 'resolução',
	'notifications.churnCritical': 'Alerta crítico de churn: {reason}, {arr} em risco',
	'calendar.title': 'Feed de calendário',
	'calendar.intro':
		'Assine suas revisões de negócio, reuniões de kick-off e tarefas com prazo no Google Agenda, Outlook ou Calendário da Apple. O feed cobre os últimos {past} dias e os próximos {future} dias, e o seu aplicativo de calendário o atualiza sozinho.',
	'calendar.private':
		'Qualquer pessoa com este endereço pode ler o seu feed. Guarde-o só para você; se ele vazar, gere um novo.',
	'calendar.active': 'Seu feed está ativo desde {date}.',
	'calendar.inactive': 'Você não tem um feed de calendário.',
	'calendar.create': 'Criar o endereço do feed',
	'calendar.regenerate': 'Gerar um novo endereço',
	'calendar.regenerateHint': 'O endereço atual deixa de funcionar na hora.',
	'calendar.turnOff': 'Desativar o feed',
	'calendar.newUrl': 'O endereço do seu feed. Copie agora: ele só é mostrado desta vez.',
	'calendar.urlLabel': 'Endereço do feed',
	'calendar.copy': 'Copiar',
	'calendar.copied': 'Copiado.',
	'calendar.turnedOff': 'O feed está desativado; o endereço dele não funciona mais.',
	'calendar.back': 'Voltar às configurações',
	'calendar.kickoff': 'Kick-off: {account}',
	'calendar.taskDue': 'Prazo: {title} ({account})',
	'calendar.name': 'Keel — {name}'
};
