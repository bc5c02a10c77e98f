/**
 * What people write on a churn flag, in the account's language: a manual flag's summary and
 * next step per reason (and how it ended if the customer left), what a CSM did to mitigate,
 * why a rule's flag was dismissed, and what sales adds in a comment.
 */
import type { ChurnReason } from '../../domain/churn';
import type { Locale } from '../../domain/vocabulary';

/** The reasons a CSM or manager raises a flag for by hand in the demo. */
export const MANUAL_REASONS = [
	'budget_cut',
	'competitor',
	'moving_to_cloud',
	'executive_sponsor_left',
	'merger_acquisition',
	'billing_dispute',
	'price_increase',
	'consolidation',
	'service_quality',
	'business_closure'
] as const satisfies readonly ChurnReason[];
export type ManualReason = (typeof MANUAL_REASONS)[number];

export interface ReasonText {
	summary: string;
	nextStep: string;
	/** The status reason when the customer left for this reason. */
	lost: string;
}

export interface ChurnSnippets {
	manual: Record<ManualReason, ReasonText>;
	/** A resolved flag's closing note. */
	resolved: readonly string[];
	/** What a CSM logged while mitigating. */
	mitigation: readonly string[];
	/** The next step on a rule's flag being worked. */
	ruleNextStep: readonly string[];
	/** Why a CSM judged a rule's flag wrong. */
	dismissed: readonly string[];
	/** What the account manager adds. */
	comment: readonly string[];
}

// prettier-ignore
export const CHURN_TEXT: Record<Locale, ChurnSnippets> = {
	en: {
		manual: {
			budget_cut: { summary: 'IT budget cut by 20% for next year; procurement asked to halve the cabinet count.', nextStep: 'Prepare a consolidation proposal that keeps the interconnection footprint', lost: 'Budget cut through: the customer decommissioned its cabinets at term end.' },
			competitor: { summary: 'Customer received a lower offer from a competing data centre in the same metro.', nextStep: 'Build a value comparison with the SE: cross connects, Fabric reach, Smart Hands', lost: 'Moved to the competitor’s site after the price offer.' },
			moving_to_cloud: { summary: 'New CTO announced a cloud-first strategy; colocation footprint is under review.', nextStep: 'Position Fabric cloud on-ramps as part of the hybrid design', lost: 'Workloads moved to the public cloud; the cage was emptied.' },
			executive_sponsor_left: { summary: 'Our executive sponsor left the company; no one has picked up the relationship.', nextStep: 'Meet the new head of infrastructure and rebuild the sponsor map', lost: 'New leadership chose another provider without a review.' },
			merger_acquisition: { summary: 'Customer was acquired; the parent company runs its own data centres.', nextStep: 'Get an introduction to the parent’s infrastructure team', lost: 'Footprint consolidated into the parent company’s data centres.' },
			billing_dispute: { summary: 'Invoices for power overage are disputed; payments are on hold.', nextStep: 'Reconcile the power readings with finance and the customer', lost: 'Billing dispute unresolved; the customer gave notice.' },
			price_increase: { summary: 'Customer pushes back on the power price increase at renewal.', nextStep: 'Review a multi-year term with a capped power rate', lost: 'Did not accept the new power pricing and left at renewal.' },
			consolidation: { summary: 'Customer is consolidating from three metros into one.', nextStep: 'Propose the consolidation into our site with migration support', lost: 'Consolidated into a single site with another provider.' },
			service_quality: { summary: 'Two power incidents this quarter; the customer questions our reliability.', nextStep: 'Share the incident reports and the remediation plan with the customer', lost: 'Left after the repeated incidents despite the remediation plan.' },
			business_closure: { summary: 'Customer announced it is winding down its business unit.', nextStep: 'Confirm the exit timeline and the contract obligations', lost: 'The business unit closed; the contract ends with it.' }
		},
		resolved: ['Customer signed the renewal after the review.', 'Concern addressed; usage back on track.', 'Agreement reached with procurement; risk closed.', 'New sponsor confirmed; relationship stable again.'],
		mitigation: ['Held a health review with the customer’s IT lead and agreed a recovery plan.', 'Escalated the open tickets to the IBX operations manager.', 'Ran a Fabric enablement session with the network team.', 'Shared a usage report showing the value of the cross connects.', 'Met procurement to walk through the renewal options.', 'Arranged an executive call between both sides.'],
		ruleNextStep: ['Book a health review with the customer', 'Check usage with the customer’s IT lead', 'Agree a recovery plan before the renewal', 'Review open tickets and the last incidents'],
		dismissed: ['Usage readings are late this month; the customer is actually expanding.', 'Score is low only because the onboarding is still running; checked with the customer.', 'Customer confirmed the renewal last week; the drop is a seasonal dip.', 'Data gap after the meter replacement; usage is unchanged.'],
		comment: ['Renewal call booked with procurement for next week.', 'Heard from the customer’s CFO that budgets are being reviewed.', 'They asked for a quote on two more cabinets; mixed signals.', 'I will raise this in the quarterly business review.']
	},
	'pt-BR': {
		manual: {
			budget_cut: { summary: 'Orçamento de TI cortado em 20% para o próximo ano; compras pediu metade dos gabinetes.', nextStep: 'Preparar uma proposta de consolidação que mantenha as interconexões', lost: 'O corte de orçamento se confirmou: o cliente desativou os gabinetes no fim do contrato.' },
			competitor: { summary: 'Cliente recebeu oferta mais barata de um data center concorrente na mesma região.', nextStep: 'Montar com o SE uma comparação de valor: cross connects, Fabric, Smart Hands', lost: 'Migrou para o concorrente após a oferta de preço.' },
			moving_to_cloud: { summary: 'O novo CTO anunciou estratégia cloud-first; a colocation está em revisão.', nextStep: 'Posicionar os acessos de nuvem via Fabric no desenho híbrido', lost: 'As cargas foram para a nuvem pública; a gaiola foi esvaziada.' },
			executive_sponsor_left: { summary: 'Nosso patrocinador executivo saiu da empresa; ninguém assumiu a relação.', nextStep: 'Conhecer o novo gerente de infraestrutura e refazer o mapa de patrocinadores', lost: 'A nova liderança escolheu outro fornecedor sem avaliação.' },
			merger_acquisition: { summary: 'Cliente foi adquirido; a controladora tem data centers próprios.', nextStep: 'Pedir uma apresentação à equipe de infraestrutura da controladora', lost: 'Infraestrutura consolidada nos data centers da controladora.' },
			billing_dispute: { summary: 'Faturas de excedente de energia contestadas; pagamentos suspensos.', nextStep: 'Conciliar as leituras de energia com o financeiro e o cliente', lost: 'Disputa de cobrança sem solução; o cliente deu aviso prévio.' },
			price_increase: { summary: 'Cliente resiste ao reajuste do preço de energia na renovação.', nextStep: 'Avaliar um contrato plurianual com tarifa de energia limitada', lost: 'Não aceitou o novo preço de energia e saiu na renovação.' },
			consolidation: { summary: 'Cliente está consolidando três regiões em uma.', nextStep: 'Propor a consolidação no nosso site com apoio à migração', lost: 'Consolidou em um único site de outro fornecedor.' },
			service_quality: { summary: 'Dois incidentes de energia neste trimestre; o cliente questiona a confiabilidade.', nextStep: 'Compartilhar os relatórios de incidente e o plano de correção', lost: 'Saiu após os incidentes repetidos, apesar do plano de correção.' },
			business_closure: { summary: 'Cliente anunciou o encerramento da unidade de negócio.', nextStep: 'Confirmar o cronograma de saída e as obrigações contratuais', lost: 'A unidade de negócio foi encerrada; o contrato termina com ela.' }
		},
		resolved: ['Cliente assinou a renovação após a revisão.', 'Preocupação resolvida; uso de volta ao normal.', 'Acordo fechado com compras; risco encerrado.', 'Novo patrocinador confirmado; relação estável.'],
		mitigation: ['Revisão de saúde com o líder de TI do cliente; plano de recuperação acordado.', 'Chamados abertos escalados ao gerente de operações do IBX.', 'Sessão de capacitação em Fabric com a equipe de redes.', 'Relatório de uso enviado mostrando o valor dos cross connects.', 'Reunião com compras para apresentar as opções de renovação.', 'Organizada uma conversa executiva entre as duas empresas.'],
		ruleNextStep: ['Agendar uma revisão de saúde com o cliente', 'Verificar o uso com o líder de TI do cliente', 'Acordar um plano de recuperação antes da renovação', 'Revisar chamados abertos e os últimos incidentes'],
		dismissed: ['As leituras de uso atrasaram este mês; o cliente está expandindo.', 'Pontuação baixa só porque o onboarding ainda está em andamento; confirmado com o cliente.', 'Cliente confirmou a renovação semana passada; a queda é sazonal.', 'Falha de dados após a troca do medidor; o uso não mudou.'],
		comment: ['Reunião de renovação marcada com compras para a próxima semana.', 'O CFO do cliente comentou que os orçamentos estão em revisão.', 'Pediram cotação de mais dois gabinetes; sinais mistos.', 'Vou levar o assunto à revisão trimestral de negócios.']
	},
	es: {
		manual: {
			budget_cut: { summary: 'Presupuesto de TI recortado un 20% para el próximo año; compras pidió la mitad de los gabinetes.', nextStep: 'Preparar una propuesta de consolidación que mantenga las interconexiones', lost: 'El recorte se confirmó: el cliente dio de baja sus gabinetes al final del contrato.' },
			competitor: { summary: 'El cliente recibió una oferta más barata de un centro de datos competidor en la misma ciudad.', nextStep: 'Armar con el SE una comparación de valor: cross connects, Fabric, Smart Hands', lost: 'Se mudó al competidor tras la oferta de precio.' },
			moving_to_cloud: { summary: 'El nuevo CTO anunció una estrategia cloud-first; la colocation está en revisión.', nextStep: 'Posicionar los accesos a nube vía Fabric en el diseño híbrido', lost: 'Las cargas pasaron a la nube pública; la jaula quedó vacía.' },
			executive_sponsor_left: { summary: 'Nuestro patrocinador ejecutivo dejó la empresa; nadie retomó la relación.', nextStep: 'Reunirse con el nuevo director de infraestructura y rehacer el mapa de patrocinadores', lost: 'La nueva dirección eligió otro proveedor sin evaluación.' },
			merger_acquisition: { summary: 'El cliente fue adquirido; la matriz opera sus propios centros de datos.', nextStep: 'Conseguir una presentación con el equipo de infraestructura de la matriz', lost: 'La infraestructura se consolidó en los centros de datos de la matriz.' },
			billing_dispute: { summary: 'Facturas de excedente de energía en disputa; pagos retenidos.', nextStep: 'Conciliar las lecturas de energía con finanzas y el cliente', lost: 'Disputa de facturación sin resolver; el cliente dio aviso.' },
			price_increase: { summary: 'El cliente rechaza el aumento del precio de energía en la renovación.', nextStep: 'Evaluar un contrato plurianual con tarifa de energía tope', lost: 'No aceptó el nuevo precio de energía y se fue en la renovación.' },
			consolidation: { summary: 'El cliente está consolidando tres ciudades en una.', nextStep: 'Proponer la consolidación en nuestro sitio con apoyo a la migración', lost: 'Se consolidó en un solo sitio de otro proveedor.' },
			service_quality: { summary: 'Dos incidentes de energía este trimestre; el cliente duda de nuestra fiabilidad.', nextStep: 'Compartir los informes de incidentes y el plan de corrección', lost: 'Se fue tras los incidentes repetidos pese al plan de corrección.' },
			business_closure: { summary: 'El cliente anunció el cierre de su unidad de negocio.', nextStep: 'Confirmar el calendario de salida y las obligaciones del contrato', lost: 'La unidad de negocio cerró; el contrato termina con ella.' }
		},
		resolved: ['El cliente firmó la renovación tras la revisión.', 'Inquietud resuelta; el uso volvió a la normalidad.', 'Acuerdo cerrado con compras; riesgo cerrado.', 'Nuevo patrocinador confirmado; relación estable.'],
		mitigation: ['Revisión de salud con el líder de TI del cliente; plan de recuperación acordado.', 'Tickets abiertos escalados al gerente de operaciones del IBX.', 'Sesión de capacitación en Fabric con el equipo de redes.', 'Informe de uso enviado mostrando el valor de los cross connects.', 'Reunión con compras para revisar las opciones de renovación.', 'Se organizó una llamada ejecutiva entre ambas empresas.'],
		ruleNextStep: ['Agendar una revisión de salud con el cliente', 'Revisar el uso con el líder de TI del cliente', 'Acordar un plan de recuperación antes de la renovación', 'Revisar tickets abiertos y los últimos incidentes'],
		dismissed: ['Las lecturas de uso llegaron tarde este mes; el cliente está creciendo.', 'Puntaje bajo solo porque el onboarding sigue en curso; confirmado con el cliente.', 'El cliente confirmó la renovación la semana pasada; la caída es estacional.', 'Falta de datos tras el cambio de medidor; el uso no cambió.'],
		comment: ['Llamada de renovación agendada con compras para la próxima semana.', 'El CFO del cliente comentó que están revisando presupuestos.', 'Pidieron cotización de dos gabinetes más; señales mixtas.', 'Lo llevaré a la revisión trimestral de negocio.']
	}
};
