/**
 * What people type while running an onboarding, in the account's language: why pre-onboarding
 * was skipped, why an item was skipped, and the handoff note that closes an onboarding.
 * Placeholders: {days} the onboarding's length in days, {n} a small count.
 */
import type { Locale } from '../../domain/vocabulary';

export interface OnboardingSnippets {
	preOnboardingSkip: readonly string[];
	itemSkip: readonly string[];
	handoff: readonly string[];
}

// prettier-ignore
export const ONBOARDING_TEXT: Record<Locale, OnboardingSnippets> = {
	en: {
		preOnboardingSkip: [
			'Small scope: a single cabinet in an IBX the customer already uses.',
			'Existing customer adding a site; contacts and ECP access already in place.',
			'Deal was pre-sold with the SE design signed off; straight to kick-off.',
			'Reseller ran the pre-sales workshop; nothing left to prepare.',
			'Renewal with a small expansion; the account team already knows the customer.'
		],
		itemSkip: [
			'Not needed: the customer already has this in place.',
			'Covered in the kick-off meeting instead.',
			'Customer declined; noted on the account.',
			'Handled by the reseller, outside our scope.',
			'Not applicable to this deployment.'
		],
		handoff: [
			'Onboarding closed after {days} days. Customer is live, ECP admins trained, cross connects delivered. Monthly check-ins from here.',
			'Live in production; install base validated with the customer. {n} open Smart Hands questions handed to support.',
			'Handed to steady state: success plan agreed, first CBR pencilled in for next quarter.',
			'All cabinets powered and cross connects up. Customer happy with the deployment; watch the draw cap as load grows.',
			'Closed out with the customer IT lead. Escalation paths and P1–P4 SLAs walked through; nothing outstanding.'
		]
	},
	'pt-BR': {
		preOnboardingSkip: [
			'Escopo pequeno: um único gabinete em um IBX que o cliente já usa.',
			'Cliente existente adicionando um site; contatos e acesso ao ECP já configurados.',
			'Negócio pré-vendido com o projeto do SE aprovado; direto para o kick-off.',
			'A revenda conduziu o workshop de pré-venda; nada a preparar.',
			'Renovação com pequena expansão; a equipe de contas já conhece o cliente.'
		],
		itemSkip: [
			'Não necessário: o cliente já tem isso em funcionamento.',
			'Tratado na reunião de kick-off.',
			'O cliente recusou; registrado na conta.',
			'Feito pela revenda, fora do nosso escopo.',
			'Não se aplica a esta implantação.'
		],
		handoff: [
			'Onboarding concluído após {days} dias. Cliente em produção, administradores do ECP treinados, cross connects entregues. Check-ins mensais a partir de agora.',
			'Em produção; base instalada validada com o cliente. {n} dúvidas de Smart Hands repassadas ao suporte.',
			'Passado para operação contínua: plano de sucesso acordado, primeira CBR prevista para o próximo trimestre.',
			'Todos os gabinetes energizados e cross connects ativos. Cliente satisfeito; acompanhar o draw cap conforme a carga cresce.',
			'Encerrado com o responsável de TI do cliente. Caminhos de escalonamento e SLAs P1–P4 revisados; nada pendente.'
		]
	},
	es: {
		preOnboardingSkip: [
			'Alcance pequeño: un solo gabinete en un IBX que el cliente ya usa.',
			'Cliente existente que agrega un sitio; contactos y acceso al ECP ya configurados.',
			'Negocio prevendido con el diseño del SE aprobado; directo al kick-off.',
			'El revendedor hizo el taller de preventa; no queda nada por preparar.',
			'Renovación con una pequeña expansión; el equipo de cuenta ya conoce al cliente.'
		],
		itemSkip: [
			'No hace falta: el cliente ya lo tiene resuelto.',
			'Se cubrió en la reunión de kick-off.',
			'El cliente no lo quiso; anotado en la cuenta.',
			'Lo gestiona el revendedor, fuera de nuestro alcance.',
			'No aplica a esta implementación.'
		],
		handoff: [
			'Onboarding cerrado tras {days} días. Cliente en producción, administradores del ECP capacitados, cross connects entregados. Seguimiento mensual a partir de ahora.',
			'En producción; base instalada validada con el cliente. {n} consultas de Smart Hands traspasadas a soporte.',
			'Traspasado a operación continua: plan de éxito acordado, primera CBR prevista para el próximo trimestre.',
			'Todos los gabinetes energizados y cross connects activos. Cliente satisfecho; vigilar el draw cap a medida que crece la carga.',
			'Cerrado con el responsable de TI del cliente. Rutas de escalamiento y SLAs P1–P4 revisados; nada pendiente.'
		]
	}
};
