import type { LocalizedText } from '../../domain/localized-text';
import type { ItemOwner, TemplateContent, TemplateItem } from '../../domain/onboarding-template';

/**
 * The onboarding templates Keel ships with, written from the seed documents: the direct and
 * reseller support models of the reseller-vs-direct job aid, the account team roles, the CSM's
 * 3-phase method (1 pre-onboarding, may be skipped; 2 kick-off; 3 continuous follow-up) and the
 * P1–P4 support SLAs. Admins copy and adapt them; an onboarding copies one when it starts.
 */
export interface ShippedTemplate {
	key: string;
	content: TemplateContent;
}

/** Text in the three shipped locales. */
function text(en: string, pt: string, es: string): LocalizedText {
	return { en, 'pt-BR': pt, es };
}

/** An item's title (en, pt, es) and description (enD, ptD, esD); keys kept short for layout. */
interface ItemText {
	en: string;
	pt: string;
	es: string;
	enD: string;
	ptD: string;
	esD: string;
}

function item(
	key: string,
	owner: ItemOwner,
	dueOffsetDays: number,
	required: boolean,
	t: ItemText
): TemplateItem {
	return {
		key,
		title: text(t.en, t.pt, t.es),
		description: text(t.enD, t.ptD, t.esD),
		owner,
		dueOffsetDays,
		required
	};
}

/** Criteria shared by the templates; functions, so no two templates share an object. */
const kickoffHeld = (): LocalizedText =>
	text('Kick-off meeting held', 'Reunião de kick-off realizada', 'Reunión de kick-off realizada');

const preOnboardingDone = (): LocalizedText =>
	text(
		'Pre-onboarding completed or skipped',
		'Pré-onboarding concluído ou dispensado',
		'Preonboarding completado u omitido'
	);

const directColocation: TemplateContent = {
	name: text(
		'Direct colocation onboarding',
		'Onboarding de colocation direto',
		'Onboarding de colocation directo'
	),
	description: text(
		'For a customer buying colocation directly from Equinix: the EQIX AE leads the relationship, the CPM runs the deployment with the CSM, and the customer self-serves on the ECP.',
		'Para clientes que compram colocation diretamente da Equinix: o AE da Equinix lidera o relacionamento, o CPM conduz a implantação com o CSM e o cliente usa o autoatendimento no ECP.',
		'Para clientes que compran colocation directamente a Equinix: el AE de Equinix lidera la relación, el CPM gestiona la implementación con el CSM y el cliente usa el autoservicio en el ECP.'
	),
	phases: [
		{
			phase: 1,
			targetDays: 14,
			entryCriteria: [
				text(
					'Won deal passed to the CPM and the CSM team',
					'Negócio ganho repassado ao CPM e à equipe de CSM',
					'Negocio ganado traspasado al CPM y al equipo de CSM'
				)
			],
			exitCriteria: [
				text(
					'Account team introduced and customer contacts collected',
					'Equipe de contas apresentada e contatos do cliente coletados',
					'Equipo de cuenta presentado y contactos del cliente recopilados'
				),
				text(
					'Deployment design confirmed with the SE',
					'Projeto da implantação confirmado com o SE',
					'Diseño de la implementación confirmado con el SE'
				)
			],
			items: [
				item('sales-handoff', 'AM', 2, true, {
					en: 'Hand off the won deal to the CPM and the CSM',
					pt: 'Repassar o negócio ganho ao CPM e ao CSM',
					es: 'Traspasar el negocio ganado al CPM y al CSM',
					enD: 'Share the order, the purchase specifications (cabinets, draw cap, PDUs, cage demarc) and the customer contacts so the deployment can start.',
					ptD: 'Compartilhar o pedido, as especificações de compra (gabinetes, draw cap, PDUs, demarcação da cage) e os contatos do cliente para que a implantação possa começar.',
					esD: 'Compartir el pedido, las especificaciones de compra (gabinetes, draw cap, PDU, demarcación de la cage) y los contactos del cliente para que pueda comenzar la implementación.'
				}),
				item('welcome-email', 'CSM', 3, true, {
					en: 'Send the welcome email and introduce the account team',
					pt: 'Enviar o e-mail de boas-vindas e apresentar a equipe de contas',
					es: 'Enviar el correo de bienvenida y presentar al equipo de cuenta',
					enD: 'Introduce the AM, CSM, SE and billing analyst, and explain what each one does and when to contact them.',
					ptD: 'Apresentar o AM, o CSM, o SE e o analista de cobrança, explicando o que cada um faz e quando contatá-los.',
					esD: 'Presentar al AM, al CSM, al SE y al analista de facturación, y explicar qué hace cada uno y cuándo contactarlo.'
				}),
				item('customer-profile', 'CSM', 7, true, {
					en: 'Collect customer contacts and business goals',
					pt: 'Coletar os contatos e os objetivos de negócio do cliente',
					es: 'Recopilar los contactos y los objetivos de negocio del cliente',
					enD: "Gather technical, billing and site contacts and the customer's goals so the onboarding is personalized.",
					ptD: 'Reunir os contatos técnicos, de cobrança e do site e os objetivos do cliente para personalizar o onboarding.',
					esD: 'Reunir los contactos técnicos, de facturación y del sitio, y los objetivos del cliente para personalizar el onboarding.'
				}),
				item('design-review', 'SE', 10, true, {
					en: 'Confirm the deployment design with the customer',
					pt: 'Confirmar o projeto da implantação com o cliente',
					es: 'Confirmar el diseño de la implementación con el cliente',
					enD: 'Review cage layout, power and network design with the customer, then hand the deployment to the CPM for installation.',
					ptD: 'Revisar com o cliente o layout da cage, a energia e o projeto de rede e, em seguida, entregar a implantação ao CPM para instalação.',
					esD: 'Revisar con el cliente el layout de la cage, la energía y el diseño de red, y luego entregar la implementación al CPM para su instalación.'
				})
			]
		},
		{
			phase: 2,
			targetDays: 14,
			entryCriteria: [preOnboardingDone()],
			exitCriteria: [
				text(
					'Kick-off held and project plan with commit dates shared',
					'Kick-off realizado e plano do projeto com datas de compromisso compartilhado',
					'Kick-off realizado y plan de proyecto con fechas comprometidas compartido'
				),
				text(
					'Customer users can log in to the ECP and contact the GSD',
					'Usuários do cliente conseguem acessar o ECP e contatar o GSD',
					'Los usuarios del cliente pueden ingresar al ECP y contactar al GSD'
				)
			],
			items: [
				item('kickoff-meeting', 'CSM', 14, true, {
					en: 'Schedule and hold the kick-off meeting',
					pt: 'Agendar e realizar a reunião de kick-off',
					es: 'Programar y realizar la reunión de kick-off',
					enD: 'Set up, facilitate and conduct the kick-off with the customer, the AM and the CPM: scope, roles, timeline and next steps.',
					ptD: 'Organizar, facilitar e conduzir o kick-off com o cliente, o AM e o CPM: escopo, papéis, cronograma e próximos passos.',
					esD: 'Organizar, facilitar y conducir el kick-off con el cliente, el AM y el CPM: alcance, roles, cronograma y próximos pasos.'
				}),
				item('project-plan', 'CPM', 16, true, {
					en: 'Create the project plan and communicate commit dates',
					pt: 'Criar o plano do projeto e comunicar as datas de compromisso',
					es: 'Crear el plan de proyecto y comunicar las fechas comprometidas',
					enD: 'Build the deployment plan and manage the implementation with the CSM; share the commit dates with the customer.',
					ptD: 'Montar o plano de implantação e gerenciar a implementação com o CSM; compartilhar as datas de compromisso com o cliente.',
					esD: 'Armar el plan de implementación y gestionarla junto con el CSM; compartir las fechas comprometidas con el cliente.'
				}),
				item('ecp-master-admin', 'CSM', 18, true, {
					en: "Train and assign the customer's ECP Master Admin",
					pt: 'Treinar e designar o Master Admin do cliente no ECP',
					es: 'Capacitar y asignar al Master Admin del cliente en el ECP',
					enD: 'Train the Master Admin on the Equinix Customer Portal and grant access; the Master Admin then manages additional users and permissions.',
					ptD: 'Treinar o Master Admin no Portal do Cliente Equinix e liberar o acesso; ele passa a administrar os demais usuários e permissões.',
					esD: 'Capacitar al Master Admin en el Portal del Cliente de Equinix y otorgarle acceso; luego él administra los demás usuarios y permisos.'
				}),
				item('ibx-access', 'CUSTOMER', 21, true, {
					en: 'Register users for IBX access on the customer portal',
					pt: 'Registrar usuários para acesso ao IBX no portal do cliente',
					es: 'Registrar usuarios para el acceso al IBX en el portal del cliente',
					enD: 'Everyone who needs ongoing or guest access to the IBX registers on the ECP; the CSM explains how.',
					ptD: 'Cada pessoa que precisa de acesso contínuo ou de visitante ao IBX se registra no ECP; o CSM explica como fazer.',
					esD: 'Cada persona que necesite acceso permanente o de invitado al IBX se registra en el ECP; el CSM explica cómo hacerlo.'
				}),
				item('gsd-registration', 'CUSTOMER', 21, true, {
					en: 'Register contact details for the Global Service Desk',
					pt: 'Registrar os dados de contato para o Global Service Desk',
					es: 'Registrar los datos de contacto para el Global Service Desk',
					enD: 'Register on the ECP to receive the 4-digit code used to authenticate when contacting the GSD.',
					ptD: 'Registrar-se no ECP para receber o código de 4 dígitos usado na autenticação ao contatar o GSD.',
					esD: 'Registrarse en el ECP para recibir el código de 4 dígitos que se usa para autenticarse al contactar al GSD.'
				}),
				item('status-calls', 'CPM', 21, false, {
					en: 'Set up weekly implementation status calls',
					pt: 'Agendar chamadas semanais de status da implantação',
					es: 'Programar llamadas semanales de estado de la implementación',
					enD: 'Schedule project update calls as the customer requires; the CPM or the CSM leads them.',
					ptD: 'Agendar chamadas de atualização do projeto conforme a necessidade do cliente; o CPM ou o CSM as conduz.',
					esD: 'Programar llamadas de avance del proyecto según lo requiera el cliente; el CPM o el CSM las lidera.'
				}),
				item('sla-walkthrough', 'CSM', 25, true, {
					en: 'Walk the customer through support priorities and SLAs',
					pt: 'Apresentar ao cliente as prioridades e os SLAs de suporte',
					es: 'Explicar al cliente las prioridades y los SLA de soporte',
					enD: 'Explain P1–P4 and their initial response targets (P1 1 hour, 24×7 by phone; P2 2, P3 4, P4 8 working hours), and when to use the ECP or the GSD.',
					ptD: 'Explicar as prioridades P1–P4 e os tempos de resposta inicial (P1 em 1 hora, 24×7 por telefone; P2 em 2, P3 em 4 e P4 em 8 horas úteis) e quando usar o ECP ou o GSD.',
					esD: 'Explicar las prioridades P1–P4 y sus tiempos de respuesta inicial (P1 en 1 hora, 24×7 por teléfono; P2 en 2, P3 en 4 y P4 en 8 horas hábiles) y cuándo usar el ECP o el GSD.'
				})
			]
		},
		{
			phase: 3,
			targetDays: 60,
			entryCriteria: [kickoffHeld()],
			exitCriteria: [
				text(
					'Turn-up call held and punchlist closed',
					'Chamada de turn-up realizada e punchlist encerrada',
					'Llamada de turn-up realizada y punchlist cerrada'
				),
				text(
					'Customer self-serves on the ECP: tickets, cross connects and Smart Hands',
					'Cliente usa o autoatendimento no ECP: tickets, cross connects e Smart Hands',
					'El cliente usa el autoservicio en el ECP: tickets, cross connects y Smart Hands'
				)
			],
			items: [
				item('cpe-shipment', 'CUSTOMER', 30, true, {
					en: 'Open inbound shipment tickets for CPE delivery',
					pt: 'Abrir tickets de remessa para a entrega do CPE',
					es: 'Abrir tickets de envío entrante para la entrega del CPE',
					enD: 'Open an ECP ticket for each inbound shipment of customer-provided equipment to the IBX; the CSM can open them on your behalf.',
					ptD: 'Abrir no ECP um ticket para cada remessa de equipamento do cliente (CPE) ao IBX; o CSM pode abri-los em seu nome.',
					esD: 'Abrir en el ECP un ticket por cada envío de equipos del cliente (CPE) al IBX; el CSM puede abrirlos en su nombre.'
				}),
				item('smart-hands', 'CUSTOMER', 40, false, {
					en: 'Request Smart Hands for rack-and-stack if needed',
					pt: 'Solicitar Smart Hands para a instalação, se necessário',
					es: 'Solicitar Smart Hands para la instalación, si hace falta',
					enD: 'Move equipment from the loading dock to the cage and install it with your own technicians, or request Smart Hands on the ECP.',
					ptD: 'Levar os equipamentos da doca de carga até a cage e instalá-los com técnicos próprios ou solicitar Smart Hands no ECP.',
					esD: 'Trasladar los equipos del muelle de carga a la cage e instalarlos con técnicos propios, o solicitar Smart Hands en el ECP.'
				}),
				item('cross-connects', 'CUSTOMER', 45, true, {
					en: 'Order cross connects on the ECP',
					pt: 'Solicitar cross connects no ECP',
					es: 'Solicitar cross connects en el ECP',
					enD: 'The Master Admin sets user permissions so the team can self-order cross connects.',
					ptD: 'O Master Admin define as permissões dos usuários para que a equipe solicite cross connects por autoatendimento.',
					esD: 'El Master Admin configura los permisos de usuario para que el equipo solicite cross connects por autoservicio.'
				}),
				item('turn-up-call', 'CSM', 60, true, {
					en: 'Schedule and hold the turn-up and punchlist call',
					pt: 'Agendar e realizar a chamada de turn-up e punchlist',
					es: 'Programar y realizar la llamada de turn-up y punchlist',
					enD: 'Run the final project wrap-up with the customer, including the CPM as needed, and agree on any open punchlist items.',
					ptD: 'Conduzir o encerramento final do projeto com o cliente, incluindo o CPM se necessário, e acordar os itens pendentes da punchlist.',
					esD: 'Conducir el cierre final del proyecto con el cliente, con el CPM si hace falta, y acordar los pendientes de la punchlist.'
				}),
				item('first-invoice', 'BA', 60, false, {
					en: 'Review the first invoice with the customer',
					pt: 'Revisar a primeira fatura com o cliente',
					es: 'Revisar la primera factura con el cliente',
					enD: 'Walk through the first invoice and where to find invoices on the ECP, and answer any billing questions.',
					ptD: 'Apresentar a primeira fatura e onde consultar as faturas no ECP, e esclarecer dúvidas de cobrança.',
					esD: 'Revisar la primera factura y dónde consultar las facturas en el ECP, y responder dudas de facturación.'
				}),
				item('install-base', 'CSM', 75, true, {
					en: 'Validate the installed base report with the customer',
					pt: 'Validar o relatório de base instalada com o cliente',
					es: 'Validar el informe de base instalada con el cliente',
					enD: 'Download the installed base report from the ECP together and confirm that assets are assigned correctly.',
					ptD: 'Baixar juntos o relatório de base instalada no ECP e confirmar que os ativos estão atribuídos corretamente.',
					esD: 'Descargar juntos el informe de base instalada desde el ECP y confirmar que los activos estén asignados correctamente.'
				}),
				item('close-out', 'CSM', 88, true, {
					en: 'Hold the onboarding close-out check-in',
					pt: 'Realizar o check-in de encerramento do onboarding',
					es: 'Realizar el check-in de cierre del onboarding',
					enD: 'Confirm the kick-off goals are met, collect feedback and move the customer to ongoing success management.',
					ptD: 'Confirmar que os objetivos do kick-off foram atingidos, coletar feedback e passar o cliente para o acompanhamento contínuo.',
					esD: 'Confirmar que se cumplieron los objetivos del kick-off, recopilar comentarios y pasar al cliente al seguimiento continuo.'
				})
			]
		}
	]
};

const resellerSold: TemplateContent = {
	name: text(
		'Reseller-sold onboarding',
		'Onboarding de cliente de revenda',
		'Onboarding de cliente vía revendedor'
	),
	description: text(
		'For an end customer who buys through a reseller: the reseller leads the relationship and the deployment and completes ECP tickets; the Equinix CPM and CSM support the reseller.',
		'Para um cliente final que compra por meio de uma revenda: a revenda lidera o relacionamento e a implantação e preenche os tickets no ECP; o CPM e o CSM da Equinix apoiam a revenda.',
		'Para un cliente final que compra a través de un revendedor: el revendedor lidera la relación y la implementación y completa los tickets en el ECP; el CPM y el CSM de Equinix apoyan al revendedor.'
	),
	phases: [
		{
			phase: 1,
			targetDays: 14,
			entryCriteria: [
				text(
					'Reseller order placed with the Equinix AE',
					'Pedido da revenda registrado com o AE da Equinix',
					'Pedido del revendedor registrado con el AE de Equinix'
				)
			],
			exitCriteria: [
				text(
					'Reseller and Equinix responsibilities agreed',
					'Responsabilidades da revenda e da Equinix acordadas',
					'Responsabilidades del revendedor y de Equinix acordadas'
				),
				text(
					'Reseller Master Admin assigned on the ECP',
					'Master Admin da revenda designado no ECP',
					'Master Admin del revendedor asignado en el ECP'
				)
			],
			items: [
				item('deal-confirmation', 'AM', 2, true, {
					en: 'Confirm the reseller deal and the end-customer scope',
					pt: 'Confirmar o negócio da revenda e o escopo do cliente final',
					es: 'Confirmar el negocio del revendedor y el alcance del cliente final',
					enD: 'Align with the reseller on the end customer, the purchase specifications and the deployment sites.',
					ptD: 'Alinhar com a revenda o cliente final, as especificações de compra e os sites da implantação.',
					esD: 'Alinear con el revendedor el cliente final, las especificaciones de compra y los sitios de la implementación.'
				}),
				item('reseller-ecp-training', 'CSM', 7, true, {
					en: "Train the reseller's CSM on the ECP",
					pt: 'Treinar o CSM da revenda no ECP',
					es: 'Capacitar al CSM del revendedor en el ECP',
					enD: "Train the reseller's CSM how to use the portal and assign the reseller Master Admin, who administers portal users and permissions.",
					ptD: 'Ensinar o CSM da revenda a usar o portal e designar o Master Admin da revenda, que administra os usuários e as permissões do portal.',
					esD: 'Enseñar al CSM del revendedor a usar el portal y asignar al Master Admin del revendedor, que administra los usuarios y permisos del portal.'
				}),
				item('responsibility-matrix', 'CSM', 10, true, {
					en: 'Agree who does what between the reseller and Equinix',
					pt: 'Acordar quem faz o quê entre a revenda e a Equinix',
					es: 'Acordar quién hace qué entre el revendedor y Equinix',
					enD: 'Walk through the reseller-vs-direct job aid: quotes, ECP tickets, IBX access, CPE logistics and escalations.',
					ptD: 'Revisar o guia de revenda x venda direta: cotações, tickets no ECP, acesso ao IBX, logística de CPE e escalonamentos.',
					esD: 'Repasar la guía de revendedor frente a venta directa: cotizaciones, tickets en el ECP, acceso al IBX, logística de CPE y escalamientos.'
				}),
				item('end-customer-profile', 'PARTNER_CSM', 12, false, {
					en: 'Collect end-customer contacts and goals',
					pt: 'Coletar os contatos e os objetivos do cliente final',
					es: 'Recopilar los contactos y los objetivos del cliente final',
					enD: "The reseller shares the end customer's technical contacts and business goals with the Equinix CSM.",
					ptD: 'A revenda compartilha com o CSM da Equinix os contatos técnicos e os objetivos de negócio do cliente final.',
					esD: 'El revendedor comparte con el CSM de Equinix los contactos técnicos y los objetivos de negocio del cliente final.'
				})
			]
		},
		{
			phase: 2,
			targetDays: 14,
			entryCriteria: [preOnboardingDone()],
			exitCriteria: [
				text(
					'Kick-off held with the end customer, led by the reseller',
					'Kick-off realizado com o cliente final, conduzido pela revenda',
					'Kick-off realizado con el cliente final, liderado por el revendedor'
				),
				text(
					'End-customer Master Admin assigned on the ECP',
					'Master Admin do cliente final designado no ECP',
					'Master Admin del cliente final asignado en el ECP'
				)
			],
			items: [
				item('kickoff-prep', 'CSM', 12, true, {
					en: 'Prepare the kick-off agenda with the reseller',
					pt: 'Preparar a pauta do kick-off com a revenda',
					es: 'Preparar la agenda del kick-off con el revendedor',
					enD: 'Agree the agenda and explain how Equinix teams support the deployment, so the reseller can set expectations.',
					ptD: 'Acordar a pauta e explicar como as equipes da Equinix apoiam a implantação, para que a revenda alinhe as expectativas.',
					esD: 'Acordar la agenda y explicar cómo los equipos de Equinix apoyan la implementación, para que el revendedor alinee las expectativas.'
				}),
				item('kickoff-meeting', 'PARTNER_CSM', 14, true, {
					en: 'Schedule and hold the kick-off meeting with the end customer',
					pt: 'Agendar e realizar a reunião de kick-off com o cliente final',
					es: 'Programar y realizar la reunión de kick-off con el cliente final',
					enD: 'The reseller sets up and leads the kick-off; the Equinix CSM and CPM join as needed.',
					ptD: 'A revenda organiza e conduz o kick-off; o CSM e o CPM da Equinix participam conforme necessário.',
					esD: 'El revendedor organiza y lidera el kick-off; el CSM y el CPM de Equinix participan según sea necesario.'
				}),
				item('deployment-plan', 'CPM', 18, true, {
					en: "Support the reseller's deployment plan with commit dates",
					pt: 'Apoiar o plano de implantação da revenda com as datas de compromisso',
					es: 'Apoyar el plan de implementación del revendedor con fechas comprometidas',
					enD: 'Give the reseller, who leads the deployment project, the commit dates and implementation milestones.',
					ptD: 'Passar à revenda, que lidera o projeto de implantação, as datas de compromisso e os marcos da implementação.',
					esD: 'Entregar al revendedor, que lidera el proyecto de implementación, las fechas comprometidas y los hitos de la implementación.'
				}),
				item('weekly-status-call', 'PARTNER_CSM', 18, true, {
					en: 'Set up the weekly status call with the end customer',
					pt: 'Agendar a chamada semanal de status com o cliente final',
					es: 'Programar la llamada semanal de estado con el cliente final',
					enD: 'The reseller schedules and leads the weekly implementation status call and may enlist the Equinix CPM and CSM as needed.',
					ptD: 'A revenda agenda e conduz a chamada semanal de status da implantação e pode envolver o CPM e o CSM da Equinix quando necessário.',
					esD: 'El revendedor programa y lidera la llamada semanal de estado de la implementación y puede sumar al CPM y al CSM de Equinix cuando haga falta.'
				}),
				item('end-customer-ecp', 'PARTNER_CSM', 21, true, {
					en: 'Train the end customer on the ECP and assign a Master Admin',
					pt: 'Treinar o cliente final no ECP e designar um Master Admin',
					es: 'Capacitar al cliente final en el ECP y asignar un Master Admin',
					enD: "The reseller trains the end-customer user and assigns the end customer's Master Admin, who administers additional users and permissions.",
					ptD: 'A revenda treina o usuário do cliente final e designa o Master Admin do cliente final, que administra os demais usuários e permissões.',
					esD: 'El revendedor capacita al usuario del cliente final y asigna al Master Admin del cliente final, que administra los demás usuarios y permisos.'
				}),
				item('ibx-access', 'CUSTOMER', 24, true, {
					en: 'Register users for IBX access on the ECP portal',
					pt: 'Registrar usuários para acesso ao IBX no portal ECP',
					es: 'Registrar usuarios para el acceso al IBX en el portal ECP',
					enD: 'As instructed by the reseller, each end-customer user registers for ongoing or guest IBX access on the ECP.',
					ptD: 'Seguindo a orientação da revenda, cada usuário do cliente final se registra no ECP para acesso contínuo ou de visitante ao IBX.',
					esD: 'Según las indicaciones del revendedor, cada usuario del cliente final se registra en el ECP para acceso permanente o de invitado al IBX.'
				}),
				item('escalation-paths', 'CSM', 28, false, {
					en: 'Explain support paths and SLAs to the reseller',
					pt: 'Explicar à revenda os caminhos de suporte e os SLAs',
					es: 'Explicar al revendedor las vías de soporte y los SLA',
					enD: 'Cover P1–P4 initial response targets, when to open tickets with the GSD, and how the reseller escalates end-customer issues to Equinix.',
					ptD: 'Abordar os tempos de resposta inicial de P1 a P4, quando abrir tickets com o GSD e como a revenda escala à Equinix os problemas do cliente final.',
					esD: 'Cubrir los tiempos de respuesta inicial de P1 a P4, cuándo abrir tickets con el GSD y cómo el revendedor escala a Equinix los problemas del cliente final.'
				})
			]
		},
		{
			phase: 3,
			targetDays: 60,
			entryCriteria: [kickoffHeld()],
			exitCriteria: [
				text(
					'Turn-up call held by the reseller and punchlist closed',
					'Chamada de turn-up realizada pela revenda e punchlist encerrada',
					'Llamada de turn-up realizada por el revendedor y punchlist cerrada'
				),
				text(
					'End-customer install base validated',
					'Base instalada do cliente final validada',
					'Base instalada del cliente final validada'
				)
			],
			items: [
				item('cpe-shipment', 'PARTNER_CSM', 30, true, {
					en: 'Open inbound shipment tickets for CPE delivery',
					pt: 'Abrir tickets de remessa para a entrega do CPE',
					es: 'Abrir tickets de envío entrante para la entrega del CPE',
					enD: 'When the end customer asks the reseller to manage CPE logistics, the reseller opens ECP tickets for inbound shipments to the IBX.',
					ptD: 'Quando o cliente final pede que a revenda gerencie a logística do CPE, a revenda abre tickets no ECP para as remessas ao IBX.',
					esD: 'Cuando el cliente final le pide al revendedor gestionar la logística del CPE, el revendedor abre tickets en el ECP para los envíos al IBX.'
				}),
				item('rack-and-stack', 'PARTNER_CSM', 40, false, {
					en: 'Arrange equipment installation in the cage',
					pt: 'Organizar a instalação dos equipamentos na cage',
					es: 'Coordinar la instalación de los equipos en la cage',
					enD: 'The reseller provides its own technicians in the IBX or issues an ECP ticket for IBX Smart Hands.',
					ptD: 'A revenda fornece seus próprios técnicos no IBX ou abre um ticket no ECP para o Smart Hands do IBX.',
					esD: 'El revendedor aporta sus propios técnicos en el IBX o abre un ticket en el ECP para Smart Hands del IBX.'
				}),
				item('cross-connects', 'PARTNER_CSM', 45, true, {
					en: 'Order cross connects or enable end-customer self-service',
					pt: 'Solicitar cross connects ou liberar o autoatendimento do cliente final',
					es: 'Solicitar cross connects o habilitar el autoservicio del cliente final',
					enD: 'The reseller orders on the ECP or sets end-customer user permissions to allow self-service.',
					ptD: 'A revenda faz o pedido no ECP ou define as permissões dos usuários do cliente final para permitir o autoatendimento.',
					esD: 'El revendedor hace el pedido en el ECP o configura los permisos de los usuarios del cliente final para permitir el autoservicio.'
				}),
				item('turn-up-call', 'PARTNER_CSM', 60, true, {
					en: 'Schedule and lead the turn-up and punchlist call',
					pt: 'Agendar e conduzir a chamada de turn-up e punchlist',
					es: 'Programar y liderar la llamada de turn-up y punchlist',
					enD: 'The reseller runs the final project wrap-up with the end customer and may enlist the Equinix CPM and CSM as needed.',
					ptD: 'A revenda conduz o encerramento final do projeto com o cliente final e pode envolver o CPM e o CSM da Equinix quando necessário.',
					esD: 'El revendedor conduce el cierre final del proyecto con el cliente final y puede sumar al CPM y al CSM de Equinix cuando haga falta.'
				}),
				item('install-base-validation', 'CSM', 75, true, {
					en: 'Support the reseller in validating the install base',
					pt: 'Apoiar a revenda na validação da base instalada',
					es: 'Apoyar al revendedor en la validación de la base instalada',
					enD: "Check with the reseller that the end customer's assets are assigned correctly in the ECP and handle any audit requests.",
					ptD: 'Verificar com a revenda se os ativos do cliente final estão atribuídos corretamente no ECP e tratar eventuais pedidos de auditoria.',
					esD: 'Verificar con el revendedor que los activos del cliente final estén asignados correctamente en el ECP y atender los pedidos de auditoría.'
				}),
				item('onboarding-review', 'CSM', 88, false, {
					en: 'Review the onboarding with the reseller',
					pt: 'Revisar o onboarding com a revenda',
					es: 'Revisar el onboarding con el revendedor',
					enD: 'Collect feedback from the reseller and the end customer and agree on any service improvement plan.',
					ptD: 'Coletar feedback da revenda e do cliente final e acordar um plano de melhoria do serviço, se necessário.',
					esD: 'Recopilar comentarios del revendedor y del cliente final y acordar un plan de mejora del servicio, si hace falta.'
				})
			]
		}
	]
};

const enterpriseTam: TemplateContent = {
	name: text(
		'Enterprise onboarding with a TAM',
		'Onboarding corporativo com TAM',
		'Onboarding empresarial con TAM'
	),
	description: text(
		'For an enterprise customer with a Technical Account Manager: align executive sponsors, agree a success plan, onboard technically with the TAM and set up escalation, audit and business review routines.',
		'Para clientes corporativos com um Gerente Técnico de Contas: alinhar os patrocinadores executivos, acordar um plano de sucesso, fazer o onboarding técnico com o TAM e definir as rotinas de escalonamento, auditoria e avaliações de negócios.',
		'Para clientes empresariales con un Technical Account Manager: alinear a los patrocinadores ejecutivos, acordar un plan de éxito, hacer el onboarding técnico con el TAM y definir las rutinas de escalamiento, auditoría y revisiones de negocio.'
	),
	phases: [
		{
			phase: 1,
			targetDays: 14,
			entryCriteria: [
				text(
					'Enterprise contract with TAM support signed',
					'Contrato corporativo com suporte de TAM assinado',
					'Contrato empresarial con soporte de TAM firmado'
				)
			],
			exitCriteria: [
				text(
					'Executive sponsor named on each side',
					'Patrocinador executivo definido em cada lado',
					'Patrocinador ejecutivo definido en cada parte'
				),
				text(
					'Success plan draft shared with the customer',
					'Rascunho do plano de sucesso compartilhado com o cliente',
					'Borrador del plan de éxito compartido con el cliente'
				)
			],
			items: [
				item('account-team-intro', 'AM', 3, true, {
					en: 'Introduce the account team, including the TAM',
					pt: 'Apresentar a equipe de contas, incluindo o TAM',
					es: 'Presentar al equipo de cuenta, incluido el TAM',
					enD: 'Present the AM, CSM, SE, TAM and billing analyst and what each of them covers for the customer.',
					ptD: 'Apresentar o AM, o CSM, o SE, o TAM e o analista de cobrança e o que cada um deles cobre para o cliente.',
					esD: 'Presentar al AM, al CSM, al SE, al TAM y al analista de facturación, y lo que cubre cada uno para el cliente.'
				}),
				item('executive-sponsors', 'AM', 7, true, {
					en: 'Align executive sponsors on both sides',
					pt: 'Alinhar os patrocinadores executivos dos dois lados',
					es: 'Alinear a los patrocinadores ejecutivos de ambas partes',
					enD: 'Agree on an executive sponsor for the customer and for Equinix, how often they meet and which priorities the success plan must reflect.',
					ptD: 'Definir um patrocinador executivo do cliente e um da Equinix, a frequência dos encontros e as prioridades que o plano de sucesso deve refletir.',
					esD: 'Definir un patrocinador ejecutivo del cliente y uno de Equinix, con qué frecuencia se reúnen y qué prioridades debe reflejar el plan de éxito.'
				}),
				item('stakeholder-map', 'CSM', 7, true, {
					en: 'Map customer stakeholders and business goals',
					pt: 'Mapear os stakeholders e os objetivos de negócio do cliente',
					es: 'Mapear a los stakeholders y los objetivos de negocio del cliente',
					enD: "Identify decision makers, technical, operations and billing contacts, and what success means for the customer's business.",
					ptD: 'Identificar os tomadores de decisão, os contatos técnicos, de operações e de cobrança, e o que significa sucesso para o negócio do cliente.',
					esD: 'Identificar a los tomadores de decisión, los contactos técnicos, de operaciones y de facturación, y qué significa el éxito para el negocio del cliente.'
				}),
				item('success-plan-draft', 'CSM', 12, true, {
					en: 'Draft the customer success plan',
					pt: 'Elaborar o rascunho do plano de sucesso do cliente',
					es: 'Elaborar el borrador del plan de éxito del cliente',
					enD: 'Capture objectives with measurable success criteria, owners and due dates, to be reviewed at the kick-off.',
					ptD: 'Registrar objetivos com critérios de sucesso mensuráveis, responsáveis e prazos, para revisão no kick-off.',
					esD: 'Registrar objetivos con criterios de éxito medibles, responsables y plazos, para revisarlos en el kick-off.'
				})
			]
		},
		{
			phase: 2,
			targetDays: 16,
			entryCriteria: [preOnboardingDone()],
			exitCriteria: [
				text(
					'Kick-off held and success plan agreed',
					'Kick-off realizado e plano de sucesso acordado',
					'Kick-off realizado y plan de éxito acordado'
				),
				text(
					'Escalation paths documented and shared with the customer',
					'Caminhos de escalonamento documentados e compartilhados com o cliente',
					'Vías de escalamiento documentadas y compartidas con el cliente'
				)
			],
			items: [
				item('kickoff-meeting', 'CSM', 16, true, {
					en: 'Schedule and hold the executive kick-off meeting',
					pt: 'Agendar e realizar a reunião executiva de kick-off',
					es: 'Programar y realizar la reunión ejecutiva de kick-off',
					enD: 'Set up, facilitate and conduct the kick-off with the executive sponsors, the account team and the TAM, and review the success plan draft.',
					ptD: 'Organizar, facilitar e conduzir o kick-off com os patrocinadores executivos, a equipe de contas e o TAM, e revisar o rascunho do plano de sucesso.',
					esD: 'Organizar, facilitar y conducir el kick-off con los patrocinadores ejecutivos, el equipo de cuenta y el TAM, y revisar el borrador del plan de éxito.'
				}),
				item('tam-technical-onboarding', 'TAM', 20, true, {
					en: 'Run the TAM technical onboarding session',
					pt: 'Conduzir a sessão de onboarding técnico com o TAM',
					es: 'Realizar la sesión de onboarding técnico con el TAM',
					enD: "Review the customer's technical environment, needs and concerns, and agree how the TAM coordinates with the technical teams and product specialists.",
					ptD: 'Revisar o ambiente técnico, as necessidades e as preocupações do cliente e acordar como o TAM se coordena com as equipes técnicas e os especialistas em produtos.',
					esD: 'Revisar el entorno técnico, las necesidades y las inquietudes del cliente, y acordar cómo el TAM se coordina con los equipos técnicos y los especialistas en productos.'
				}),
				item('escalation-paths', 'TAM', 22, true, {
					en: 'Document escalation paths and support SLAs',
					pt: 'Documentar os caminhos de escalonamento e os SLAs de suporte',
					es: 'Documentar las vías de escalamiento y los SLA de soporte',
					enD: 'Share P1–P4 definitions and initial response targets; P1 incidents must be reported by phone, 24×7, with customer contacts reachable until downgraded.',
					ptD: 'Compartilhar as definições de P1 a P4 e os tempos de resposta inicial; incidentes P1 devem ser comunicados por telefone, 24×7, com os contatos do cliente disponíveis até a redução da prioridade.',
					esD: 'Compartir las definiciones de P1 a P4 y los tiempos de respuesta inicial; los incidentes P1 deben comunicarse por teléfono, 24×7, con los contactos del cliente disponibles hasta que se baje la prioridad.'
				}),
				item('portal-access', 'CSM', 24, true, {
					en: 'Set up ECP and GSD access for customer contacts',
					pt: 'Configurar o acesso ao ECP e ao GSD para os contatos do cliente',
					es: 'Configurar el acceso al ECP y al GSD para los contactos del cliente',
					enD: 'Assign the Master Admin and have contacts register on the ECP to receive the 4-digit code for the GSD.',
					ptD: 'Designar o Master Admin e pedir que os contatos se registrem no ECP para receber o código de 4 dígitos do GSD.',
					esD: 'Asignar al Master Admin y pedir a los contactos que se registren en el ECP para recibir el código de 4 dígitos del GSD.'
				}),
				item('billing-setup', 'BA', 25, false, {
					en: 'Confirm billing contacts and invoice delivery',
					pt: 'Confirmar os contatos de cobrança e o envio das faturas',
					es: 'Confirmar los contactos de facturación y el envío de facturas',
					enD: 'Confirm who receives invoices, any purchase order requirements and how to raise billing questions.',
					ptD: 'Confirmar quem recebe as faturas, eventuais exigências de pedido de compra e como tirar dúvidas de cobrança.',
					esD: 'Confirmar quién recibe las facturas, los requisitos de orden de compra y cómo plantear dudas de facturación.'
				}),
				item('status-page', 'TAM', 28, false, {
					en: 'Subscribe operations contacts to the status page',
					pt: 'Inscrever os contatos de operações na página de status',
					es: 'Suscribir a los contactos de operaciones a la página de estado',
					enD: 'Make sure operations contacts receive updates on incidents, planned maintenance and outages.',
					ptD: 'Garantir que os contatos de operações recebam atualizações sobre incidentes, manutenções planejadas e interrupções.',
					esD: 'Asegurar que los contactos de operaciones reciban novedades sobre incidentes, mantenimientos planificados e interrupciones.'
				})
			]
		},
		{
			phase: 3,
			targetDays: 60,
			entryCriteria: [kickoffHeld()],
			exitCriteria: [
				text(
					'First CBR held, with follow-up actions assigned',
					'Primeira CBR realizada, com ações de acompanhamento atribuídas',
					'Primera CBR realizada, con acciones de seguimiento asignadas'
				),
				text(
					'Audit coordination process agreed',
					'Processo de coordenação de auditorias acordado',
					'Proceso de coordinación de auditorías acordado'
				)
			],
			items: [
				item('new-contact-onboarding', 'CSM', 35, true, {
					en: 'Onboard new customer contacts',
					pt: 'Fazer a integração de novos contatos do cliente',
					es: 'Incorporar a los nuevos contactos del cliente',
					enD: 'Register additional contacts on the ECP and brief them on the account team, the GSD and the escalation paths.',
					ptD: 'Registrar os contatos adicionais no ECP e orientá-los sobre a equipe de contas, o GSD e os caminhos de escalonamento.',
					esD: 'Registrar a los contactos adicionales en el ECP e informarles sobre el equipo de cuenta, el GSD y las vías de escalamiento.'
				}),
				item('audit-coordination', 'CSM', 45, true, {
					en: 'Agree audit coordination (PCI, ISO, SSAE 16)',
					pt: 'Acordar a coordenação de auditorias (PCI, ISO, SSAE 16)',
					es: 'Acordar la coordinación de auditorías (PCI, ISO, SSAE 16)',
					enD: 'Confirm which certifications the customer needs, who requests audit reports and site visits, and the lead time for each.',
					ptD: 'Confirmar de quais certificações o cliente precisa, quem solicita relatórios de auditoria e visitas ao site, e o prazo de cada um.',
					esD: 'Confirmar qué certificaciones necesita el cliente, quién solicita los informes de auditoría y las visitas al sitio, y el plazo de cada uno.'
				}),
				item('adoption-review', 'TAM', 60, true, {
					en: 'Review technical adoption and open issues',
					pt: 'Revisar a adoção técnica e os problemas em aberto',
					es: 'Revisar la adopción técnica y los problemas abiertos',
					enD: "Go through usage, open tickets and escalations with the customer's technical team and update the success plan.",
					ptD: 'Analisar o uso, os tickets abertos e os escalonamentos com a equipe técnica do cliente e atualizar o plano de sucesso.',
					esD: 'Analizar el uso, los tickets abiertos y los escalamientos con el equipo técnico del cliente y actualizar el plan de éxito.'
				}),
				item('first-cbr', 'CSM', 75, true, {
					en: 'Schedule the first customer business review (CBR)',
					pt: 'Agendar a primeira avaliação de negócios do cliente (CBR)',
					es: 'Programar la primera revisión de negocio con el cliente (CBR)',
					enD: 'Book the first CBR with the executive sponsors to review success plan progress, feedback and next steps.',
					ptD: 'Marcar a primeira CBR com os patrocinadores executivos para revisar o progresso do plano de sucesso, o feedback e os próximos passos.',
					esD: 'Agendar la primera CBR con los patrocinadores ejecutivos para revisar el avance del plan de éxito, los comentarios y los próximos pasos.'
				}),
				item('onboarding-feedback', 'CSM', 80, false, {
					en: 'Collect onboarding feedback',
					pt: 'Coletar feedback sobre o onboarding',
					es: 'Recopilar comentarios sobre el onboarding',
					enD: 'Send the onboarding satisfaction survey (NPS, CSAT) and route the feedback to the relevant teams.',
					ptD: 'Enviar a pesquisa de satisfação do onboarding (NPS, CSAT) e encaminhar o feedback às equipes responsáveis.',
					esD: 'Enviar la encuesta de satisfacción del onboarding (NPS, CSAT) y derivar los comentarios a los equipos correspondientes.'
				}),
				item('close-out', 'CSM', 90, true, {
					en: 'Close onboarding and move to ongoing success management',
					pt: 'Encerrar o onboarding e passar ao acompanhamento contínuo',
					es: 'Cerrar el onboarding y pasar al seguimiento continuo',
					enD: 'Confirm the exit criteria with the customer, agree the review cadence and move open actions into the success plan.',
					ptD: 'Confirmar os critérios de saída com o cliente, acordar a frequência das avaliações e levar as ações em aberto para o plano de sucesso.',
					esD: 'Confirmar los criterios de salida con el cliente, acordar la frecuencia de las revisiones y llevar las acciones abiertas al plan de éxito.'
				})
			]
		}
	]
};

export const SHIPPED_TEMPLATES: readonly ShippedTemplate[] = [
	{ key: 'direct-colocation', content: directColocation },
	{ key: 'reseller-sold', content: resellerSold },
	{ key: 'enterprise-tam', content: enterpriseTam }
];
