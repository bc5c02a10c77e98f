/**
 * What customers say in their feedback, in the account's language: short comments per theme
 * and tone about what a colocation customer lives with (the customer portal, cross connect
 * lead times, invoices, Smart Hands and the service desk, maintenance notices, onboarding,
 * documentation). Each comment carries its library theme, sometimes a second one, and
 * sometimes a free tag as a CSM would add it ('portal-login', 'cross-connect-lead-time'…).
 * Every comment exists in all three languages, so every market hears about every theme.
 */
import type { FeedbackTheme } from '../../domain/feedback';
import type { Locale, Region } from '../../domain/vocabulary';

export type Tone = 'positive' | 'neutral' | 'negative';

export interface FeedbackSnippet {
	theme: FeedbackTheme;
	/** A related theme, added now and then. */
	also?: FeedbackTheme;
	tone: Tone;
	/** A free tag (normalised), the same everywhere or per language. */
	tag?: string | Record<Locale, string>;
	/** Said only by customers who bought through a reseller. */
	reseller?: true;
	/** Said only by customers in these regions. */
	regions?: readonly Region[];
	text: Record<Locale, string>;
}

// prettier-ignore
export const FEEDBACK_TEXT: readonly FeedbackSnippet[] = [
	// Negative
	{ theme: 'usability', also: 'reliability', tone: 'negative', tag: 'portal-login', text: {
		en: 'Logging in to the customer portal takes several attempts; single sign-on keeps timing out.',
		'pt-BR': 'Entrar no portal do cliente leva várias tentativas; o login único expira o tempo todo.',
		es: 'Entrar al portal de clientes toma varios intentos; el inicio de sesión único se vence a cada rato.' } },
	{ theme: 'usability', tone: 'negative', tag: 'portal-ordering', text: {
		en: 'Ordering a cross connect in the portal is confusing: too many steps and no way to save a draft.',
		'pt-BR': 'Pedir um cross connect no portal é confuso: passos demais e não dá para salvar um rascunho.',
		es: 'Pedir un cross connect en el portal es confuso: demasiados pasos y no se puede guardar un borrador.' } },
	{ theme: 'delivery', tone: 'negative', tag: 'cross-connect-lead-time', text: {
		en: 'Cross connects take two to three weeks; the carrier side is ready in days.',
		'pt-BR': 'Cross connects levam de duas a três semanas; a operadora fica pronta em poucos dias.',
		es: 'Los cross connects tardan de dos a tres semanas; el carrier está listo en pocos días.' } },
	{ theme: 'delivery', also: 'communication', tone: 'negative', text: {
		en: 'The new cabinet was delivered a week after the committed date and nobody warned us.',
		'pt-BR': 'O gabinete novo foi entregue uma semana depois da data combinada e ninguém avisou.',
		es: 'El gabinete nuevo llegó una semana después de la fecha comprometida y nadie nos avisó.' } },
	{ theme: 'billing', tone: 'negative', tag: { en: 'invoice-format', 'pt-BR': 'nota-fiscal', es: 'factura-electronica' }, text: {
		en: 'Invoices do not show our PO number, so our finance team rejects them every month.',
		'pt-BR': 'A nota fiscal não traz o número do nosso pedido de compra e o financeiro devolve todo mês.',
		es: 'La factura electrónica no trae nuestro número de orden de compra y finanzas la rechaza cada mes.' } },
	{ theme: 'billing', tone: 'negative', tag: 'power-overage', text: {
		en: 'Power overage charges are hard to reconcile with the meter readings.',
		'pt-BR': 'As cobranças de excedente de energia não batem com as leituras do medidor.',
		es: 'Los cargos por excedente de energía no cuadran con las lecturas del medidor.' } },
	{ theme: 'pricing', also: 'account_management', tone: 'negative', tag: 'renewal-uplift', text: {
		en: 'The price increase at renewal came without any explanation of what changed.',
		'pt-BR': 'O reajuste na renovação veio sem nenhuma explicação do que mudou.',
		es: 'El aumento de precio en la renovación llegó sin ninguna explicación de qué cambió.' } },
	{ theme: 'response_time', tone: 'negative', text: {
		en: 'First answers from the service desk take too long at night and at weekends.',
		'pt-BR': 'A primeira resposta do service desk demora demais à noite e nos fins de semana.',
		es: 'La primera respuesta de la mesa de servicio tarda demasiado de noche y los fines de semana.' } },
	{ theme: 'response_time', tone: 'negative', tag: 'smart-hands', text: {
		en: 'Smart Hands requests wait most of a day to be picked up, even a simple reboot.',
		'pt-BR': 'Pedidos de Smart Hands esperam quase um dia para serem atendidos, até um simples reboot.',
		es: 'Las solicitudes de Smart Hands esperan casi un día en ser atendidas, incluso un simple reinicio.' } },
	{ theme: 'response_time', tone: 'negative', regions: ['apac'], tag: 'follow-the-sun', text: {
		en: 'Our Singapore team waits for the European morning before an escalation moves.',
		'pt-BR': 'Nossa equipe de Singapura espera a manhã europeia para uma escalação andar.',
		es: 'Nuestro equipo de Singapur espera a la mañana europea para que una escalación avance.' } },
	{ theme: 'support_quality', tone: 'negative', text: {
		en: 'Every ticket gets a different engineer and we explain our setup again each time.',
		'pt-BR': 'Cada chamado cai com um técnico diferente e explicamos nosso ambiente de novo toda vez.',
		es: 'Cada ticket lo toma un ingeniero distinto y explicamos nuestra instalación otra vez.' } },
	{ theme: 'reliability', also: 'communication', tone: 'negative', tag: 'maintenance-notice', text: {
		en: 'Two power maintenance windows this quarter at short notice; our change board needs two weeks.',
		'pt-BR': 'Duas manutenções de energia neste trimestre com pouco aviso; nosso comitê de mudanças precisa de duas semanas.',
		es: 'Dos mantenimientos de energía este trimestre con poco aviso; nuestro comité de cambios necesita dos semanas.' } },
	{ theme: 'performance', tone: 'negative', text: {
		en: 'Latency to the cloud on-ramp spikes at peak hours.',
		'pt-BR': 'A latência para a nuvem dispara nos horários de pico.',
		es: 'La latencia hacia la nube se dispara en horas pico.' } },
	{ theme: 'documentation', tone: 'negative', tag: 'ibx-access', text: {
		en: 'The access procedure on the site is out of date; our engineers were turned away at the front desk.',
		'pt-BR': 'O procedimento de acesso publicado está desatualizado; nossos técnicos foram barrados na recepção.',
		es: 'El procedimiento de acceso publicado está desactualizado; a nuestros ingenieros no los dejaron pasar en recepción.' } },
	{ theme: 'communication', tone: 'negative', tag: 'maintenance-notice', text: {
		en: 'Maintenance notices still go to a former colleague; we missed the last two.',
		'pt-BR': 'Os avisos de manutenção ainda vão para um ex-colega; perdemos os dois últimos.',
		es: 'Los avisos de mantenimiento siguen llegando a un excolega; nos perdimos los dos últimos.' } },
	{ theme: 'onboarding', tone: 'negative', tag: 'portal-access', text: {
		en: 'Onboarding took longer than promised; we waited weeks for portal access.',
		'pt-BR': 'A integração demorou mais que o prometido; esperamos semanas pelo acesso ao portal.',
		es: 'La incorporación tardó más de lo prometido; esperamos semanas el acceso al portal.' } },
	{ theme: 'account_management', also: 'communication', tone: 'negative', reseller: true, tag: 'reseller-handoff', text: {
		en: 'We never know whether to call the reseller or you; nobody owns our questions.',
		'pt-BR': 'Nunca sabemos se ligamos para a revenda ou para vocês; ninguém assume nossas dúvidas.',
		es: 'Nunca sabemos si llamar al revendedor o a ustedes; nadie se hace cargo de nuestras dudas.' } },
	{ theme: 'reporting', tone: 'negative', text: {
		en: 'We cannot export power use per cabinet, so we build the monthly report by hand.',
		'pt-BR': 'Não dá para exportar o consumo de energia por gabinete; montamos o relatório mensal à mão.',
		es: 'No podemos exportar el consumo de energía por gabinete; armamos el informe mensual a mano.' } },
	// Neutral: suggestions and so-so
	{ theme: 'feature_request', also: 'integrations', tone: 'neutral', tag: 'api', text: {
		en: 'We would like an API to order cross connects from our own tooling.',
		'pt-BR': 'Gostaríamos de uma API para pedir cross connects a partir das nossas ferramentas.',
		es: 'Nos gustaría una API para pedir cross connects desde nuestras propias herramientas.' } },
	{ theme: 'reporting', tone: 'neutral', text: {
		en: 'A monthly summary of tickets and Smart Hands hours would help our internal reviews.',
		'pt-BR': 'Um resumo mensal de chamados e horas de Smart Hands ajudaria nas nossas revisões internas.',
		es: 'Un resumen mensual de tickets y horas de Smart Hands ayudaría en nuestras revisiones internas.' } },
	{ theme: 'integrations', tone: 'neutral', tag: 'servicenow', text: {
		en: 'Could the portal push ticket updates to our ServiceNow?',
		'pt-BR': 'O portal poderia enviar as atualizações dos chamados para o nosso ServiceNow?',
		es: '¿El portal podría enviar las actualizaciones de tickets a nuestro ServiceNow?' } },
	{ theme: 'training', tone: 'neutral', text: {
		en: 'A short portal training for our new NOC staff would help.',
		'pt-BR': 'Um treinamento rápido do portal para o pessoal novo do NOC ajudaria.',
		es: 'Una capacitación corta del portal para el nuevo personal del NOC ayudaría.' } },
	{ theme: 'documentation', tone: 'neutral', tag: 'shipping', text: {
		en: 'Please share the current shipping and receiving guidelines before our next delivery.',
		'pt-BR': 'Por favor, enviem as regras atuais de envio e recebimento antes da próxima entrega.',
		es: 'Por favor compartan las reglas actuales de envío y recepción antes de la próxima entrega.' } },
	{ theme: 'usability', tone: 'neutral', text: {
		en: 'The portal works, but finding the right order form takes a while.',
		'pt-BR': 'O portal funciona, mas achar o formulário certo de pedido leva tempo.',
		es: 'El portal funciona, pero encontrar el formulario de orden correcto toma tiempo.' } },
	{ theme: 'pricing', tone: 'neutral', text: {
		en: 'Prices are in line with the market; we will discuss the renewal next quarter.',
		'pt-BR': 'Os preços estão alinhados com o mercado; vamos conversar sobre a renovação no próximo trimestre.',
		es: 'Los precios están en línea con el mercado; hablaremos de la renovación el próximo trimestre.' } },
	{ theme: 'communication', tone: 'neutral', text: {
		en: 'Fine overall; we would like fewer but clearer maintenance emails.',
		'pt-BR': 'No geral bem; preferimos menos e-mails de manutenção, porém mais claros.',
		es: 'En general bien; preferimos menos correos de mantenimiento, pero más claros.' } },
	// Positive
	{ theme: 'support_quality', tone: 'positive', text: {
		en: 'The service desk fixed our power issue on a Sunday within the hour. Great job.',
		'pt-BR': 'O service desk resolveu nosso problema de energia num domingo em menos de uma hora. Excelente.',
		es: 'La mesa de servicio resolvió nuestro problema de energía un domingo en menos de una hora. Excelente.' } },
	{ theme: 'account_management', tone: 'positive', text: {
		en: 'Our CSM knows our setup and always follows up; that makes the difference.',
		'pt-BR': 'Nosso CSM conhece nosso ambiente e sempre dá retorno; isso faz a diferença.',
		es: 'Nuestro CSM conoce nuestra instalación y siempre da seguimiento; eso marca la diferencia.' } },
	{ theme: 'onboarding', tone: 'positive', tag: 'kick-off', text: {
		en: 'The kick-off was well organised and the checklist kept everyone on track.',
		'pt-BR': 'O kick-off foi bem organizado e o checklist manteve todos no rumo.',
		es: 'El kick-off estuvo bien organizado y la lista de tareas mantuvo a todos en ruta.' } },
	{ theme: 'delivery', tone: 'positive', tag: 'cross-connect-lead-time', text: {
		en: 'Cross connects delivered in three days, ahead of the committed date.',
		'pt-BR': 'Cross connects entregues em três dias, antes da data combinada.',
		es: 'Cross connects entregados en tres días, antes de la fecha comprometida.' } },
	{ theme: 'reliability', tone: 'positive', text: {
		en: 'No incidents in the last six months; the site just works.',
		'pt-BR': 'Nenhum incidente nos últimos seis meses; o site simplesmente funciona.',
		es: 'Ningún incidente en los últimos seis meses; el sitio simplemente funciona.' } },
	{ theme: 'response_time', tone: 'positive', tag: 'smart-hands', text: {
		en: 'Smart Hands picked up our request in minutes and sent photos of the work.',
		'pt-BR': 'O Smart Hands atendeu nosso pedido em minutos e mandou fotos do serviço.',
		es: 'Smart Hands tomó nuestra solicitud en minutos y envió fotos del trabajo.' } },
	{ theme: 'usability', tone: 'positive', text: {
		en: 'The new portal makes ordering and tracking tickets much easier.',
		'pt-BR': 'O novo portal deixou muito mais fácil fazer pedidos e acompanhar chamados.',
		es: 'El nuevo portal hace mucho más fácil pedir y seguir los tickets.' } },
	{ theme: 'support_quality', also: 'communication', tone: 'positive', text: {
		en: 'Clear post-mortem after the outage; we appreciated the openness.',
		'pt-BR': 'Post-mortem claro depois da queda; valorizamos a transparência.',
		es: 'Post-mortem claro después de la caída; valoramos la transparencia.' } },
	{ theme: 'communication', tone: 'positive', text: {
		en: 'The CBR gave our management a clear picture of the service.',
		'pt-BR': 'A CBR deu à nossa diretoria uma visão clara do serviço.',
		es: 'La CBR le dio a nuestra dirección una visión clara del servicio.' } },
	{ theme: 'training', tone: 'positive', text: {
		en: 'The portal training for our team was practical and well paced.',
		'pt-BR': 'O treinamento do portal para o nosso time foi prático e no ritmo certo.',
		es: 'La capacitación del portal para nuestro equipo fue práctica y con buen ritmo.' } }
];
