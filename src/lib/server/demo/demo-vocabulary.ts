/**
 * The world the demo data lives in: markets (country, metro, time zone, IBX sites, phone
 * formats), resellers, contact job titles and account-note snippets in en, pt-BR and es, drawn
 * from the seed documents (colocation, cross connects, ECX Fabric, Smart Hands, ECP and GSD,
 * draw caps, AM11, kick-offs and CBRs).
 */
import type { LifecycleStage, Locale, Region } from '../../domain/vocabulary';
import type { Culture } from './demo-names';

export type MarketCode = 'NL' | 'GB' | 'DE' | 'BR' | 'MX' | 'CO' | 'US_DAL' | 'US_NY' | 'SG';

export interface Market {
	code: MarketCode;
	culture: Culture;
	region: Region;
	/** The language the account's notes and contacts use. */
	locale: Locale;
	/** IANA zone of the metro the customer is deployed in. */
	timeZone: string;
	cities: readonly string[];
	/** IBX data centres in the metro; repeats make a site more likely. */
	ibx: readonly string[];
	/** Phone formats with the country prefix; '#' is a random digit. */
	phones: readonly string[];
	/** Email/web domain ending. */
	tld: string;
	/** Share of accounts in this market (relative). */
	weight: number;
}

// prettier-ignore
export const MARKETS: readonly Market[] = [
	{ code: 'NL', culture: 'nl', region: 'emea', locale: 'en', timeZone: 'Europe/Amsterdam',
		cities: ['Amsterdam', 'Amsterdam', 'Rotterdam', 'Utrecht', 'Eindhoven'],
		ibx: ['AM11', 'AM11', 'AM3', 'AM5', 'AM7'],
		phones: ['+31 20 5## ####', '+31 10 4## ####', '+31 6 #### ####'], tld: 'nl', weight: 17 },
	{ code: 'GB', culture: 'gb', region: 'emea', locale: 'en', timeZone: 'Europe/London',
		cities: ['London', 'London', 'Manchester', 'Slough', 'Reading'],
		ibx: ['LD5', 'LD8', 'LD9', 'MA3'],
		phones: ['+44 20 7### ####', '+44 161 4## ####', '+44 7### ######'], tld: 'co.uk', weight: 10 },
	{ code: 'DE', culture: 'de', region: 'emea', locale: 'en', timeZone: 'Europe/Berlin',
		cities: ['Frankfurt am Main', 'Frankfurt am Main', 'Berlin', 'Munich', 'Hamburg', 'Düsseldorf'],
		ibx: ['FR2', 'FR5', 'FR6', 'MU1', 'HH1', 'DU1'],
		phones: ['+49 69 ####-####', '+49 30 ####-####', '+49 89 ####-####', '+49 151 ########'],
		tld: 'de', weight: 8 },
	{ code: 'BR', culture: 'br', region: 'latam', locale: 'pt-BR', timeZone: 'America/Sao_Paulo',
		cities: ['São Paulo', 'São Paulo', 'Rio de Janeiro', 'Campinas', 'Curitiba', 'Barueri'],
		ibx: ['SP2', 'SP3', 'SP4', 'RJ2'],
		phones: ['+55 11 9####-####', '+55 11 3###-####', '+55 21 9####-####', '+55 41 3###-####'],
		tld: 'com.br', weight: 14 },
	{ code: 'MX', culture: 'mx', region: 'latam', locale: 'es', timeZone: 'America/Mexico_City',
		cities: ['Ciudad de México', 'Ciudad de México', 'Querétaro', 'Guadalajara', 'Puebla'],
		ibx: ['MX1', 'MX2'],
		phones: ['+52 55 5### ####', '+52 442 2## ####', '+52 33 3### ####'], tld: 'com.mx', weight: 10 },
	{ code: 'CO', culture: 'co', region: 'latam', locale: 'es', timeZone: 'America/Bogota',
		cities: ['Bogotá', 'Bogotá', 'Medellín', 'Cali'],
		ibx: ['BG1'],
		phones: ['+57 601 5## ####', '+57 604 4## ####', '+57 3## ### ####'], tld: 'com.co', weight: 5 },
	{ code: 'US_DAL', culture: 'us', region: 'north_america', locale: 'en', timeZone: 'America/Chicago',
		cities: ['Dallas', 'Dallas', 'Plano', 'Irving', 'Fort Worth'],
		ibx: ['DA1', 'DA6', 'DA11'],
		phones: ['+1 214-555-01##', '+1 972-555-01##', '+1 469-555-01##'], tld: 'com', weight: 11 },
	{ code: 'US_NY', culture: 'us', region: 'north_america', locale: 'en', timeZone: 'America/New_York',
		cities: ['New York', 'New York', 'Newark', 'Secaucus', 'Stamford'],
		ibx: ['NY2', 'NY5', 'NY9'],
		phones: ['+1 212-555-01##', '+1 646-555-01##', '+1 201-555-01##'], tld: 'com', weight: 13 },
	{ code: 'SG', culture: 'sg', region: 'apac', locale: 'en', timeZone: 'Asia/Singapore',
		cities: ['Singapore'],
		ibx: ['SG1', 'SG3', 'SG5'],
		phones: ['+65 6### ####', '+65 9### ####', '+65 8### ####'], tld: 'com.sg', weight: 12 }
];

export function marketOf(code: MarketCode): Market {
	const market = MARKETS.find((m) => m.code === code);
	if (!market) throw new Error(`unknown market ${code}`);
	return market;
}

/** IT-services resellers (fictional). The first two always exist: they have partner users. */
export const RESELLERS: readonly { name: string; region: Region }[] = [
	{ name: 'Lowlands Colocation Partners B.V.', region: 'emea' },
	{ name: 'Conecta Nuvem Soluções em TI Ltda.', region: 'latam' },
	{ name: 'Lone Star Datacenter Solutions LLC', region: 'north_america' },
	{ name: 'Straits Cloud Integrators Pte. Ltd.', region: 'apac' },
	{ name: 'Harbourline IT Services Ltd', region: 'emea' },
	{ name: 'Redes Andinas Integración TI S.A.S.', region: 'latam' }
];

/** Contact job titles: the first few suit a primary contact, the rest anyone. */
// prettier-ignore
export const CONTACT_TITLES: Record<Locale, { primary: readonly string[]; other: readonly string[] }> = {
	en: {
		primary: ['CIO', 'CTO', 'IT Director', 'Head of Infrastructure', 'VP of IT Operations',
			'Head of Data Centre Operations'],
		other: ['Network Engineer', 'Data Center Manager', 'Procurement Manager', 'IT Operations Manager',
			'Cloud Architect', 'Facilities Manager', 'Security Officer', 'Finance Controller',
			'Systems Administrator', 'Infrastructure Engineer', 'Vendor Manager', 'Accounts Payable Lead']
	},
	'pt-BR': {
		primary: ['CIO', 'CTO', 'Gerente de TI', 'Head de Infraestrutura', 'Gerente de Operações de TI'],
		other: ['Analista de Redes', 'Gerente de Data Center', 'Gerente de Compras',
			'Analista de Infraestrutura', 'Especialista em Nuvem', 'Coordenação de Facilities',
			'Analista de Segurança da Informação', 'Analista de Faturamento', 'Especialista em Redes',
			'Analista de Suprimentos', 'Gerente de Projetos']
	},
	es: {
		primary: ['CIO', 'CTO', 'Gerente de TI', 'Gerente de Infraestructura', 'Responsable de Operaciones TI'],
		other: ['Analista de Redes', 'Gerente de Centro de Datos', 'Gerente de Compras',
			'Especialista en Infraestructura', 'Especialista en Nube', 'Responsable de Instalaciones',
			'Analista de Seguridad', 'Analista de Facturación', 'Ingeniería de Redes',
			'Gerente de Proyectos', 'Analista de Abastecimiento']
	}
};

/**
 * Note snippets. Placeholders: {ibx} the IBX site, {city}, {n} a small count, {kva} a power
 * figure, {reseller} the reseller's name.
 */
export interface NoteSnippets {
	located: string;
	stage: Record<LifecycleStage, readonly string[]>;
	general: readonly string[];
	reseller: readonly string[];
	am11: string;
}

// prettier-ignore
export const NOTES: Record<Locale, NoteSnippets> = {
	en: {
		located: 'HQ in {city}; deployed in {ibx}.',
		stage: {
			onboarding: ['Kick-off held with the IT team; next step is the ECP Master Admin setup.',
				'Pre-onboarding skipped (small scope); kick-off set for next week.',
				'Waiting on the customer to register contacts in ECP before the GSD PIN can be issued.',
				'CPM shared the project plan; cage build and commit dates agreed.'],
			adoption: ['Steady state: monthly check-ins, Smart Hands usage within plan.',
				'Success plan agreed: cut cross connect lead time and move ticketing to ECP.',
				'Trained two new contacts on ECP; install base report reviewed.'],
			expansion: ['Asked for {n} more cabinets in {ibx}; SE designing the expansion.',
				'Evaluating ECX Fabric virtual connections to AWS and Azure.',
				'Interested in Network Edge and Metro Connect to a second metro.'],
			renewal: ['Renewal conversation started; AM preparing the quote.',
				'CBR before renewal: wants a review of Smart Hands spend and power usage.',
				'Renewal at risk on price; customer comparing alternatives for {ibx}.'],
			churned: ['Churned: consolidated the footprint into their own data centre.',
				'Churned after an acquisition; termination requests handled by the AM.']
		},
		general: ['Customer asked for {n} additional cross connects in {ibx}; quote requested from the AM.',
			'Power draw cap reached on two cabinets; AM quoting an increase to {kva} kVA.',
			'Open ECP ticket for an inbound CPE shipment; Smart Hands booked for rack-and-stack.',
			'Billing query on the last invoice passed to the BA.',
			'Install base validation done; two assets reassigned in ECP.',
			'PCI audit coordination requested for next quarter.',
			'Guest IBX access for contractors requested through ECP.',
			'P2 ticket with the GSD resolved within target; customer satisfied.',
			'Migration from the on-premises data centre to {ibx} planned in three waves.',
			'Operational survey review scheduled; follow-up actions tracked from the last CBR.'],
		reseller: ['Sold through {reseller}; the reseller leads the relationship and opens ECP tickets.',
			"End customer of {reseller}; our CSM supports the reseller's partner CSM."],
		am11: 'AM11 (formerly Switch AMS1) deployment: no ECP/GSD access until integration completes.'
	},
	'pt-BR': {
		located: 'Sede em {city}; implantação em {ibx}.',
		stage: {
			onboarding: ['Reunião de kick-off realizada com a equipe de TI; próximo passo é configurar o Master Admin no ECP.',
				'Pré-onboarding dispensado (escopo pequeno); kick-off marcado para a próxima semana.',
				'Aguardando o cliente registrar os contatos no ECP para receber o PIN do GSD.',
				'CPM compartilhou o plano do projeto; montagem da cage e datas de entrega acordadas.'],
			adoption: ['Operação estável: check-ins mensais, uso de Smart Hands dentro do previsto.',
				'Plano de sucesso acordado: reduzir o prazo de cross connects e abrir chamados pelo ECP.',
				'Dois novos contatos treinados no ECP; relatório de base instalada revisado.'],
			expansion: ['Pediu mais {n} racks em {ibx}; SE desenhando a expansão.',
				'Avaliando conexões virtuais ECX Fabric para AWS e Azure.',
				'Interesse em Network Edge e Metro Connect para uma segunda metrópole.'],
			renewal: ['Conversa de renovação iniciada; AM preparando a proposta.',
				'CBR antes da renovação: quer revisar os gastos com Smart Hands e o consumo de energia.',
				'Renovação em risco por preço; cliente comparando alternativas a {ibx}.'],
			churned: ['Cancelou: consolidou a infraestrutura no data center próprio.',
				'Cancelou após uma aquisição; pedidos de rescisão tratados pelo AM.']
		},
		general: ['Cliente pediu {n} cross connects adicionais em {ibx}; cotação solicitada ao AM.',
			'Limite de consumo (draw cap) atingido em dois racks; AM cotando aumento para {kva} kVA.',
			'Chamado no ECP para recebimento de equipamentos (CPE); Smart Hands fará a instalação no rack.',
			'Dúvida sobre a última fatura encaminhada ao BA.',
			'Validação da base instalada concluída; dois ativos reatribuídos no ECP.',
			'Coordenação de auditoria PCI solicitada para o próximo trimestre.',
			'Acesso temporário ao IBX para prestadores solicitado pelo ECP.',
			'Chamado P2 com o GSD resolvido dentro do prazo; cliente satisfeito.',
			'Migração do data center próprio para {ibx} planejada em três ondas.',
			'Revisão operacional agendada; ações da última CBR em acompanhamento.'],
		reseller: ['Vendido pela {reseller}; a revenda lidera o relacionamento e abre os chamados no ECP.',
			'Cliente final da {reseller}; nosso CSM apoia o CSM parceiro da revenda.'],
		am11: 'Implantação em AM11 (antigo Switch AMS1): sem acesso ao ECP/GSD até concluir a integração.'
	},
	es: {
		located: 'Sede en {city}; implementación en {ibx}.',
		stage: {
			onboarding: ['Reunión de kick-off realizada con el equipo de TI; siguiente paso: configurar el Master Admin en el ECP.',
				'Pre-onboarding omitido (alcance pequeño); kick-off programado para la próxima semana.',
				'Esperando que el cliente registre sus contactos en el ECP para emitir el PIN del GSD.',
				'El CPM compartió el plan del proyecto; construcción de la jaula y fechas acordadas.'],
			adoption: ['Operación estable: seguimiento mensual, uso de Smart Hands dentro de lo previsto.',
				'Plan de éxito acordado: reducir el plazo de los cross connects y abrir tickets por el ECP.',
				'Dos contactos nuevos capacitados en el ECP; informe de base instalada revisado.'],
			expansion: ['Solicitó {n} racks más en {ibx}; el SE está diseñando la expansión.',
				'Evaluando conexiones virtuales de ECX Fabric hacia AWS y Azure.',
				'Interés en Network Edge y Metro Connect hacia una segunda metrópoli.'],
			renewal: ['Conversación de renovación iniciada; el AM prepara la cotización.',
				'CBR antes de la renovación: quiere revisar el gasto en Smart Hands y el consumo eléctrico.',
				'Renovación en riesgo por precio; el cliente compara alternativas a {ibx}.'],
			churned: ['Canceló: consolidó su infraestructura en su propio centro de datos.',
				'Canceló tras una adquisición; las solicitudes de rescisión las gestionó el AM.']
		},
		general: ['El cliente solicitó {n} cross connects adicionales en {ibx}; cotización pedida al AM.',
			'Se alcanzó el límite de consumo (draw cap) en dos racks; el AM cotiza un aumento a {kva} kVA.',
			'Ticket en el ECP para el envío entrante de CPE; Smart Hands hará el montaje en rack.',
			'Consulta sobre la última factura escalada al BA.',
			'Validación de la base instalada completada; dos activos reasignados en el ECP.',
			'Coordinación de auditoría PCI solicitada para el próximo trimestre.',
			'Acceso temporal al IBX para contratistas solicitado por el ECP.',
			'Ticket P2 con el GSD resuelto dentro del objetivo; cliente satisfecho.',
			'Migración del centro de datos propio a {ibx} planificada en tres fases.',
			'Revisión operativa programada; acciones de la última CBR en seguimiento.'],
		reseller: ['Vendido por {reseller}; el revendedor lidera la relación y abre los tickets en el ECP.',
			'Cliente final de {reseller}; nuestro CSM apoya al CSM del socio.'],
		am11: 'Implementación en AM11 (antes Switch AMS1): sin acceso al ECP/GSD hasta completar la integración.'
	}
};
