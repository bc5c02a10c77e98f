/**
 * What a business review says, in the account's language: its title, the agenda per kind, the
 * notes and decisions of one that was held, the follow-up actions agreed there, why one was
 * cancelled, and where it takes place. Drawn from the seeds: CBRs and OBRs with the CSM, the AM
 * and the SE, the customer portal (ECP) and the service desk (GSD), cross connects, Smart Hands,
 * power draw caps, and the operational survey reviews a CSM runs for selected accounts.
 */
import type { ReviewKind } from '../../domain/review';
import type { Locale } from '../../domain/vocabulary';

/** The stretch of time a review looks back on: a quarter, a half or a year. */
export interface ReviewPeriod {
	span: 'quarter' | 'half' | 'year';
	year: number;
	/** 1–4 for a quarter, 1–2 for a half. */
	part: number;
}

export interface ReviewSnippets {
	title(kind: ReviewKind, period: ReviewPeriod, account: string): string;
	/** One agenda per kind, a line per item. */
	agenda: Record<ReviewKind, string>;
	/** What was discussed; a held review takes two. */
	notes: Record<ReviewKind, readonly string[]>;
	/** What was agreed, a line each. */
	decisions: readonly string[];
	/** Follow-up actions: task titles. */
	actions: Record<ReviewKind, readonly string[]>;
	cancelReasons: readonly string[];
	/** Why a customer that is leaving dropped its last review. */
	notRenewing: string;
	locations: readonly string[];
}

const SHORT: Record<Exclude<ReviewKind, 'survey_review'>, string> = {
	cbr: 'CBR',
	obr: 'OBR',
	qbr: 'QBR',
	ebr: 'EBR'
};

// prettier-ignore
export const REVIEW_TEXT: Record<Locale, ReviewSnippets> = {
	en: {
		title: (kind, p, account) => {
			const period = p.span === 'quarter' ? `Q${p.part} ${p.year}` : p.span === 'half' ? `H${p.part} ${p.year}` : `${p.year}`;
			return kind === 'survey_review'
				? `Operational survey review ${period} – ${account}`
				: `${period} ${SHORT[kind]} – ${account}`;
		},
		agenda: {
			cbr: '1. Service since the last CBR: orders, tickets and escalations\n2. Space and power use per IBX against the draw caps\n3. Success plan objectives and adoption\n4. Roadmap and upcoming changes\n5. Actions and the date of the next CBR',
			obr: '1. Operational figures: tickets, Smart Hands hours, first response times\n2. Open escalations and post-mortems\n3. Maintenance calendar and change notices\n4. Portal (ECP) users and the authorised access list\n5. Actions',
			qbr: '1. The quarter in review\n2. Growth plans and capacity forecast\n3. Commercial topics with the AM\n4. Actions',
			ebr: '1. The customer’s strategic priorities for next year\n2. Value delivered by the partnership\n3. Expansion to new metros and interconnection\n4. Executive sponsors and escalation paths',
			survey_review: '1. Results of the operational survey\n2. Themes raised and what we changed\n3. Improvement plan with owners and dates'
		},
		notes: {
			cbr: ['Service stable over the period; one P2 on a cross connect, closed with a post-mortem.', 'Power draw at 78% of the cap in two cabinets; the customer plans more servers next quarter.', 'Customer happy with the CSM as single point of contact; asks for faster cross connect delivery.', 'Walked through the success plan: two objectives on track, portal adoption still low.', 'Finance raised the invoice format again; the BA joined for that part.'],
			obr: ['Smart Hands hours up 30% after the hardware refresh; response times within target.', 'Reviewed the last maintenance notices: two went to a former employee.', 'Access list cleaned up with the customer: six badges removed.', 'First response times met on all P2 and P3 tickets this half.'],
			qbr: ['Quarter on plan; one new cabinet live in the second month.', 'AM presented the renewal terms; customer wants to compare with a second metro.', 'Capacity forecast shared: 20 kVA more by the end of next year.'],
			ebr: ['CIO confirmed the hybrid cloud strategy; interconnection is central to it.', 'Agreed executive sponsors on both sides and a yearly review.', 'Customer evaluating a second metro for disaster recovery.'],
			survey_review: ['Survey answered by eight engineers; portal login and ticket updates scored lowest.', 'Scores improved on Smart Hands since the last survey.', 'Customer asked for clearer maintenance notices; agreed a single distribution list.']
		},
		decisions: ['Move to quarterly reviews until the migration is done.', 'Cross connect orders go through the portal from next month.', 'The BA sends a reconciled invoice overview every month.', 'Add the customer’s NOC to the maintenance notification list.', 'Plan the second-metro design session with the SE.', 'Keep the current power draw caps; review again next quarter.'],
		actions: {
			cbr: ['Send the CBR deck and minutes to the customer', 'Quote for two additional cabinets', 'Check cross connect lead times with provisioning', 'Set up portal training for the new NOC team', 'Review power draw caps with the SE'],
			obr: ['Update the maintenance notification contacts', 'Share the Smart Hands usage report', 'Clean up portal users with the customer’s master admin', 'Confirm the escalation path with the service desk'],
			qbr: ['Send the renewal proposal', 'Share the capacity forecast with the SE', 'Schedule the next QBR'],
			ebr: ['Arrange a design session for the second metro', 'Confirm executive sponsors in writing', 'Prepare the interconnection roadmap'],
			survey_review: ['Publish the improvement plan to the customer', 'Follow up on portal login problems with product', 'Agree a single distribution list for notices']
		},
		cancelReasons: ['Customer asked to move it: their quarter-end closing.', 'Main contact on leave; a new date follows.', 'Overlapped with the customer’s migration weekend.', 'Customer’s CIO could not attend; rescheduled.'],
		notRenewing: 'Customer not renewing; no review wanted.',
		locations: ['Microsoft Teams', 'Microsoft Teams', 'Zoom', 'Google Meet', 'Customer office', 'Equinix office, meeting room 2', 'On site at the IBX, customer lounge']
	},
	'pt-BR': {
		title: (kind, p, account) => {
			const period = p.span === 'quarter' ? `${p.part}º tri ${p.year}` : p.span === 'half' ? `${p.part}º sem. ${p.year}` : `${p.year}`;
			return kind === 'survey_review'
				? `Revisão da pesquisa operacional ${period} – ${account}`
				: `${SHORT[kind]} ${period} – ${account}`;
		},
		agenda: {
			cbr: '1. Serviço desde a última CBR: pedidos, chamados e escalações\n2. Uso de espaço e energia por IBX em relação aos limites contratados\n3. Objetivos do plano de sucesso e adoção\n4. Roadmap e mudanças previstas\n5. Ações e data da próxima CBR',
			obr: '1. Indicadores operacionais: chamados, horas de Smart Hands, tempo de primeira resposta\n2. Escalações abertas e post-mortems\n3. Calendário de manutenções e avisos de mudança\n4. Usuários do portal (ECP) e lista de acesso autorizado\n5. Ações',
			qbr: '1. Balanço do trimestre\n2. Planos de crescimento e previsão de capacidade\n3. Temas comerciais com o AM\n4. Ações',
			ebr: '1. Prioridades estratégicas do cliente para o próximo ano\n2. Valor entregue pela parceria\n3. Expansão para novas metrópoles e interconexão\n4. Patrocinadores executivos e caminhos de escalação',
			survey_review: '1. Resultados da pesquisa operacional\n2. Temas levantados e o que mudamos\n3. Plano de melhoria com responsáveis e datas'
		},
		notes: {
			cbr: ['Serviço estável no período; um P2 em cross connect, encerrado com post-mortem.', 'Consumo de energia em 78% do limite em dois gabinetes; o cliente prevê mais servidores no próximo trimestre.', 'Cliente satisfeito com o CSM como ponto único de contato; pede entrega mais rápida de cross connects.', 'Revisamos o plano de sucesso: dois objetivos no prazo, adoção do portal ainda baixa.', 'O financeiro voltou a falar do formato da nota fiscal; o BA participou dessa parte.'],
			obr: ['Horas de Smart Hands subiram 30% após a troca de hardware; tempos de resposta dentro da meta.', 'Revisamos os últimos avisos de manutenção: dois foram para um ex-funcionário.', 'Lista de acesso revisada com o cliente: seis crachás removidos.', 'Primeira resposta dentro do prazo em todos os chamados P2 e P3 do semestre.'],
			qbr: ['Trimestre dentro do plano; um gabinete novo ativado no segundo mês.', 'O AM apresentou as condições de renovação; o cliente quer comparar com uma segunda metrópole.', 'Previsão de capacidade compartilhada: mais 20 kVA até o fim do próximo ano.'],
			ebr: ['O CIO confirmou a estratégia de nuvem híbrida; a interconexão é central.', 'Definimos patrocinadores executivos dos dois lados e uma revisão anual.', 'Cliente avaliando uma segunda metrópole para recuperação de desastres.'],
			survey_review: ['Pesquisa respondida por oito engenheiros; login no portal e atualizações de chamados tiveram as piores notas.', 'As notas de Smart Hands melhoraram desde a última pesquisa.', 'Cliente pediu avisos de manutenção mais claros; combinamos uma lista única de distribuição.']
		},
		decisions: ['Revisões trimestrais até o fim da migração.', 'Pedidos de cross connect passam pelo portal a partir do próximo mês.', 'O BA envia todo mês um resumo conciliado das faturas.', 'Incluir o NOC do cliente na lista de avisos de manutenção.', 'Agendar com o SE a sessão de desenho da segunda metrópole.', 'Manter os limites de energia atuais; rever no próximo trimestre.'],
		actions: {
			cbr: ['Enviar a apresentação e a ata da CBR ao cliente', 'Cotar dois gabinetes adicionais', 'Verificar prazos de cross connect com o provisionamento', 'Organizar treinamento do portal para o novo time de NOC', 'Revisar os limites de energia com o SE'],
			obr: ['Atualizar os contatos de aviso de manutenção', 'Enviar o relatório de uso de Smart Hands', 'Revisar usuários do portal com o administrador master do cliente', 'Confirmar o caminho de escalação com o service desk'],
			qbr: ['Enviar a proposta de renovação', 'Compartilhar a previsão de capacidade com o SE', 'Agendar a próxima QBR'],
			ebr: ['Organizar sessão de desenho para a segunda metrópole', 'Confirmar os patrocinadores executivos por escrito', 'Preparar o roadmap de interconexão'],
			survey_review: ['Publicar o plano de melhoria para o cliente', 'Acompanhar com produto os problemas de login no portal', 'Combinar uma lista única para os avisos']
		},
		cancelReasons: ['Cliente pediu para remarcar: fechamento do trimestre.', 'Contato principal de férias; nova data a combinar.', 'Coincidiu com o fim de semana de migração do cliente.', 'O CIO do cliente não pôde participar; remarcada.'],
		notRenewing: 'Cliente não vai renovar; não quis a revisão.',
		locations: ['Microsoft Teams', 'Microsoft Teams', 'Zoom', 'Google Meet', 'Escritório do cliente', 'Escritório da Equinix, sala 2', 'No IBX, sala de clientes']
	},
	es: {
		title: (kind, p, account) => {
			const period = p.span === 'quarter' ? `T${p.part} ${p.year}` : p.span === 'half' ? `${p.part}.º sem. ${p.year}` : `${p.year}`;
			return kind === 'survey_review'
				? `Revisión de la encuesta operativa ${period} – ${account}`
				: `${SHORT[kind]} ${period} – ${account}`;
		},
		agenda: {
			cbr: '1. Servicio desde la última CBR: órdenes, tickets y escalaciones\n2. Uso de espacio y energía por IBX frente a los límites contratados\n3. Objetivos del plan de éxito y adopción\n4. Hoja de ruta y cambios previstos\n5. Acciones y fecha de la próxima CBR',
			obr: '1. Indicadores operativos: tickets, horas de Smart Hands, tiempos de primera respuesta\n2. Escalaciones abiertas y post-mortems\n3. Calendario de mantenimientos y avisos de cambio\n4. Usuarios del portal (ECP) y lista de acceso autorizado\n5. Acciones',
			qbr: '1. Balance del trimestre\n2. Planes de crecimiento y pronóstico de capacidad\n3. Temas comerciales con el AM\n4. Acciones',
			ebr: '1. Prioridades estratégicas del cliente para el próximo año\n2. Valor entregado por la alianza\n3. Expansión a nuevas metrópolis e interconexión\n4. Patrocinadores ejecutivos y rutas de escalación',
			survey_review: '1. Resultados de la encuesta operativa\n2. Temas planteados y lo que cambiamos\n3. Plan de mejora con responsables y fechas'
		},
		notes: {
			cbr: ['Servicio estable en el periodo; un P2 en un cross connect, cerrado con post-mortem.', 'Consumo de energía al 78% del límite en dos gabinetes; el cliente prevé más servidores el próximo trimestre.', 'Cliente conforme con el CSM como punto único de contacto; pide entregas más rápidas de cross connects.', 'Revisamos el plan de éxito: dos objetivos en tiempo, la adopción del portal sigue baja.', 'Finanzas volvió a plantear el formato de la factura electrónica; el BA se unió para ese punto.'],
			obr: ['Las horas de Smart Hands subieron 30% tras el cambio de hardware; tiempos de respuesta dentro de la meta.', 'Revisamos los últimos avisos de mantenimiento: dos llegaron a un exempleado.', 'Lista de acceso depurada con el cliente: seis credenciales dadas de baja.', 'Primera respuesta a tiempo en todos los tickets P2 y P3 del semestre.'],
			qbr: ['Trimestre según el plan; un gabinete nuevo activo en el segundo mes.', 'El AM presentó las condiciones de renovación; el cliente quiere comparar con una segunda metrópoli.', 'Pronóstico de capacidad compartido: 20 kVA más a finales del próximo año.'],
			ebr: ['El CIO confirmó la estrategia de nube híbrida; la interconexión es central.', 'Acordamos patrocinadores ejecutivos en ambos lados y una revisión anual.', 'El cliente evalúa una segunda metrópoli para recuperación ante desastres.'],
			survey_review: ['Encuesta respondida por ocho ingenieros; el acceso al portal y las actualizaciones de tickets tuvieron las notas más bajas.', 'Las notas de Smart Hands mejoraron desde la última encuesta.', 'El cliente pidió avisos de mantenimiento más claros; acordamos una sola lista de distribución.']
		},
		decisions: ['Revisiones trimestrales hasta terminar la migración.', 'Las órdenes de cross connect pasan por el portal desde el próximo mes.', 'El BA envía cada mes un resumen conciliado de facturas.', 'Agregar el NOC del cliente a la lista de avisos de mantenimiento.', 'Agendar con el SE la sesión de diseño de la segunda metrópoli.', 'Mantener los límites de energía actuales; revisarlos el próximo trimestre.'],
		actions: {
			cbr: ['Enviar la presentación y la minuta de la CBR al cliente', 'Cotizar dos gabinetes adicionales', 'Revisar los plazos de cross connect con aprovisionamiento', 'Organizar una capacitación del portal para el nuevo equipo de NOC', 'Revisar los límites de energía con el SE'],
			obr: ['Actualizar los contactos de avisos de mantenimiento', 'Compartir el informe de uso de Smart Hands', 'Depurar usuarios del portal con el administrador maestro del cliente', 'Confirmar la ruta de escalación con la mesa de servicio'],
			qbr: ['Enviar la propuesta de renovación', 'Compartir el pronóstico de capacidad con el SE', 'Agendar la próxima QBR'],
			ebr: ['Organizar una sesión de diseño para la segunda metrópoli', 'Confirmar por escrito los patrocinadores ejecutivos', 'Preparar la hoja de ruta de interconexión'],
			survey_review: ['Publicar el plan de mejora para el cliente', 'Dar seguimiento con producto a los problemas de acceso al portal', 'Acordar una sola lista para los avisos']
		},
		cancelReasons: ['El cliente pidió moverla: cierre de trimestre.', 'Contacto principal de vacaciones; nueva fecha por definir.', 'Coincidió con el fin de semana de migración del cliente.', 'El CIO del cliente no pudo asistir; reprogramada.'],
		notRenewing: 'El cliente no renovará; no quiso la revisión.',
		locations: ['Microsoft Teams', 'Microsoft Teams', 'Zoom', 'Google Meet', 'Oficina del cliente', 'Oficina de Equinix, sala 2', 'En el IBX, sala de clientes']
	}
};
