import type { SectionMessages } from '../../catalogue';

/** Brazilian Portuguese: webhooks and their deliveries. */
export const webhooks: SectionMessages<'webhooks'> = {
	'webhooks.title': 'Webhooks',
	'webhooks.intro':
		'Envie os eventos importantes do Keel para o chat ou para outros sistemas. Cada um é um corpo JSON cuja linha de texto os webhooks de entrada do Slack e do Microsoft Teams exibem como está.',
	'webhooks.new': 'Novo webhook',
	'webhooks.empty':
		'Nenhum webhook ainda. Adicione um para enviar eventos a um canal de chat ou a outro sistema.',
	'webhooks.col.endpoint': 'Endereço',
	'webhooks.col.events': 'Eventos',
	'webhooks.col.state': 'Estado',
	'webhooks.col.last': 'Última entrega',
	'webhooks.col.failed': 'Com falha',
	'webhooks.active': 'Ativo',
	'webhooks.paused': 'Pausado',
	'webhooks.never': 'Nada enviado ainda',
	'webhooks.event.churn_flag.critical_raised': 'Alerta de churn crítico aberto',
	'webhooks.event.escalation.sla_warning': 'Aviso de SLA',
	'webhooks.event.escalation.sla_breach': 'SLA violado',
	'webhooks.event.escalation.p1_opened': 'Escalonamento P1 aberto',
	'webhooks.event.onboarding.at_risk': 'Onboarding em risco',
	'webhooks.event.test': 'Teste',
	'webhooks.status.pending': 'Pendente',
	'webhooks.status.delivered': 'Entregue',
	'webhooks.status.failed': 'Falhou',
	'webhooks.field.url': 'URL de destino',
	'webhooks.field.urlHint':
		'Um endereço http:// ou https://. Para Slack ou Teams, cole a URL do webhook de entrada do canal.',
	'webhooks.field.description': 'Descrição',
	'webhooks.field.descriptionHint': 'Para que serve, por exemplo “#cs-alertas no Slack”.',
	'webhooks.field.events': 'Eventos a enviar',
	'webhooks.field.locale': 'Idioma da mensagem',
	'webhooks.field.active': 'Ativo',
	'webhooks.field.activeHint':
		'Um webhook pausado não recebe novos eventos; as entregas já na fila ainda são concluídas.',
	'webhooks.create': 'Criar webhook',
	'webhooks.save': 'Salvar webhook',
	'webhooks.created':
		'Webhook criado. Passe o segredo de assinatura abaixo ao receptor para que ele verifique cada requisição.',
	'webhooks.saved': 'Webhook salvo.',
	'webhooks.deleted': 'Webhook excluído.',
	'webhooks.settings': 'Configurações',
	'webhooks.secret.title': 'Segredo de assinatura',
	'webhooks.secret.hint':
		'O receptor o usa para verificar que uma requisição vem do Keel. Não o coloque em mensagens de chat nem em repositórios de código.',
	'webhooks.secret.rotate': 'Trocar segredo',
	'webhooks.secret.rotateHint':
		'Um novo segredo vale na hora: toda entrega a partir de agora, inclusive as novas tentativas, é assinada com ele.',
	'webhooks.secret.rotated': 'Novo segredo de assinatura criado. Atualize o receptor.',
	'webhooks.test.title': 'Enviar um teste',
	'webhooks.test.button': 'Enviar teste',
	'webhooks.test.hint':
		'Coloca na fila um evento de teste para este webhook, mesmo pausado. A resposta do receptor aparece no registro em poucos segundos.',
	'webhooks.test.queued': 'Teste na fila. Aguardando o receptor…',
	'webhooks.test.delivered': 'O teste foi entregue: o receptor respondeu {status}.',
	'webhooks.test.failed':
		'O teste não foi entregue: {reason}. Ele será tentado de novo conforme o cronograma abaixo.',
	'webhooks.log.title': 'Entregas',
	'webhooks.log.caption': 'Entregas, das mais recentes às mais antigas',
	'webhooks.log.empty': 'Nada foi enviado a este webhook ainda.',
	'webhooks.log.event': 'Evento',
	'webhooks.log.status': 'Situação',
	'webhooks.log.attempts': 'Tentativas',
	'webhooks.log.response': 'Resposta',
	'webhooks.log.queued': 'Na fila desde',
	'webhooks.log.next': 'Próxima tentativa',
	'webhooks.log.ms': '{ms} ms',
	'webhooks.log.noAnswer': 'Sem resposta',
	'webhooks.log.details': 'O que o receptor respondeu',
	'webhooks.log.retry': 'Tentar agora',
	'webhooks.log.retried': 'Entrega de volta à fila; será enviada em poucos segundos.',
	'webhooks.delete.title': 'Excluir webhook',
	'webhooks.delete.hint':
		'Exclui o webhook e seu registro de entregas. Nada mais é enviado a esta URL.',
	'webhooks.delete.button': 'Excluir webhook',
	'webhooks.signing.title': 'Recebendo e verificando',
	'webhooks.signing.request':
		'Cada entrega é um POST com corpo JSON: text (uma frase com a conta e um link), event, occurred_at e data (os ids e os fatos principais). Cabeçalhos: X-Keel-Event (o evento), X-Keel-Delivery (o id da entrega, o mesmo em cada nova tentativa), X-Keel-Timestamp (segundos Unix do envio) e X-Keel-Signature.',
	'webhooks.signing.verify':
		'Para verificar uma requisição, calcule o HMAC-SHA256 do cabeçalho de timestamp, um ponto e o corpo bruto, com o segredo de assinatura como chave, e compare o resultado em hexadecimal com o X-Keel-Signature depois de “sha256=”. Recuse requisições com timestamp de mais de cinco minutos.',
	'webhooks.signing.retries':
		'O receptor deve responder 2xx em até 10 segundos. Caso contrário, a entrega é tentada de novo após 1 minuto, 5 minutos, 30 minutos, 2 horas e 12 horas, e então marcada como falha. Redirecionamentos não são seguidos. O registro guarda 30 dias.',
	'webhooks.error.url': 'Informe um endereço http:// ou https://, sem usuário nem senha.',
	'webhooks.error.noEvents': 'Escolha pelo menos um evento.',
	'webhooks.error.notFailed': 'Só uma entrega com falha pode ser tentada de novo.',
	'webhooks.text.criticalFlag':
		'Risco de churn crítico em {account}: {reason}, {arr} de ARR em risco. {link}',
	'webhooks.text.slaWarning':
		'Escalonamento {priority} em {account} já usou 75 % do prazo de {clock}: {title}. {link}',
	'webhooks.text.slaBreach':
		'Escalonamento {priority} em {account} perdeu o prazo de {clock}: {title}. {link}',
	'webhooks.text.p1Opened': 'Escalonamento P1 aberto em {account}: {title}. {link}',
	'webhooks.text.onboardingAtRisk':
		'O onboarding de {account} está em risco ({reasons}); go-live previsto para {goLive}. {link}',
	'webhooks.text.test':
		'Teste do Keel para o webhook “{name}”. Se você está lendo isto, as entregas chegam. {link}',
	'webhooks.clock.response': 'primeira resposta',
	'webhooks.clock.resolution': 'resolução',
	'webhooks.risk.phaseOverrun': 'fase {phase} com {days} dias de {target} previstos',
	'webhooks.risk.requiredOverdue': 'itens obrigatórios atrasados: {count}'
};
