/**
 * What a CSM writes into a success plan, in the account's language: objectives bound to a usage
 * metric (title with {target}, the value to reach), yes/no outcomes, why they matter, the tasks
 * under them, and the reasons an objective is at risk or was dropped.
 */
import type { MetricKey } from '../../domain/adoption';
import type { Locale } from '../../domain/vocabulary';

/** Metrics a demo objective may be bound to: a power draw or Smart Hands calls are not goals. */
export type GoalMetric = Exclude<MetricKey, 'colocation_power_kva' | 'smart_hands_requests'>;

export interface MetricObjectiveText {
	/** With {target}. */
	title: string;
	why: string;
	tasks: readonly string[];
}

export interface OutcomeObjectiveText {
	title: string;
	outcome: string;
	why: string;
	tasks: readonly string[];
}

export interface PlanSnippets {
	metric: Record<GoalMetric, MetricObjectiveText>;
	outcome: readonly OutcomeObjectiveText[];
	atRisk: readonly string[];
	dropped: readonly string[];
	/** Why an objective of a customer that left was dropped. */
	churned: readonly string[];
	/** The skip reason of a task whose objective was dropped. */
	taskDropped: string;
}

// prettier-ignore
export const PLAN_TEXT: Record<Locale, PlanSnippets> = {
	en: {
		metric: {
			colocation_cabinets: {
				title: 'Bring {target} cabinets into production',
				why: 'Cabinets paid for but empty are the first thing procurement questions at renewal.',
				tasks: ['Agree the migration waves with the customer’s IT lead', 'Book Smart Hands for the rack-and-stack', 'Confirm power-up dates with the IBX']
			},
			cross_connects: {
				title: 'Grow to {target} active cross connects',
				why: 'Every partner reached over a cross connect makes the deployment harder to move.',
				tasks: ['List the carriers and partners the customer still reaches over the internet', 'Walk the network team through cross-connect ordering in the portal', 'Review the open cross-connect orders at the next check-in']
			},
			fabric_ports: {
				title: 'Run {target} Fabric ports in production',
				why: 'Fabric is how the customer reaches its clouds; unused ports will be cut at renewal.',
				tasks: ['Schedule a Fabric enablement session with the SE', 'Confirm the port speeds with the network architect', 'Check the LOA/CFA for the new ports is delivered']
			},
			fabric_virtual_connections: {
				title: 'Reach {target} virtual connections on Fabric',
				why: 'Each cloud on-ramp moved onto Fabric replaces a slower, costlier internet path.',
				tasks: ['Map the customer’s cloud regions to Fabric on-ramps', 'Review the virtual connection designs with the SE', 'Follow up on the connections waiting for provider approval']
			},
			network_edge_devices: {
				title: 'Deploy {target} Network Edge devices',
				why: 'Virtual routers and firewalls at the edge remove the hardware refresh from their roadmap.',
				tasks: ['Confirm the vendor images and licences with the customer', 'Run a Network Edge demo for the security team', 'Plan the cut-over from the physical appliances']
			},
			metro_connect_circuits: {
				title: 'Light {target} Metro Connect circuits',
				why: 'A second site in the metro is the customer’s disaster-recovery plan.',
				tasks: ['Confirm the diverse paths with the customer’s network lead', 'Chase the circuit delivery dates', 'Test failover between the two sites with the customer']
			},
			smartview_users: {
				title: 'Get {target} people monitoring in SmartView',
				why: 'Operations that see power and temperature themselves open fewer tickets.',
				tasks: ['Send the SmartView invitations to the operations team', 'Set up the draw-cap alert thresholds with the customer', 'Show the dashboards in the monthly check-in']
			}
		},
		outcome: [
			{ title: 'Self-service ordering', outcome: 'Customer runs its own cross-connect orders in the portal', why: 'Orders placed by the customer are delivered faster and free the CSM for other work.', tasks: ['Give the network engineers ordering rights in the portal', 'Walk through a first order together', 'Confirm the last three orders were placed without help'] },
			{ title: 'Support runs without the CSM', outcome: 'Customer’s NOC opens P1–P4 tickets in the portal without CSM help', why: 'Tickets routed straight to support meet their SLAs; tickets sent to the CSM lose hours.', tasks: ['Share the escalation paths and P1–P4 targets', 'Register the NOC engineers as portal users', 'Review the last month’s tickets with the customer'] },
			{ title: 'Executive sponsor engaged', outcome: 'An executive sponsor attends the next CBR', why: 'Without a sponsor, renewal is decided by procurement on price alone.', tasks: ['Ask the AM for an introduction to the CIO', 'Prepare the value summary for the sponsor', 'Send the CBR invitation with the agenda'] },
			{ title: 'Disaster recovery tested', outcome: 'Failover to the second site tested and signed off by the customer', why: 'The customer’s auditors ask for a tested recovery plan this year.', tasks: ['Agree the test window with the customer', 'Book Smart Hands cover for the test night', 'Collect the sign-off after the test'] },
			{ title: 'First cloud on-ramp live', outcome: 'Production traffic runs over a Fabric cloud on-ramp', why: 'The customer’s cloud migration depends on a private path to its provider.', tasks: ['Confirm the cloud account and region', 'Order the virtual connection with the customer', 'Check latency with the customer after go-live'] },
			{ title: 'Install base validated', outcome: 'Customer signed off the install base listing', why: 'Billing disputes start from an install base nobody checked.', tasks: ['Export the install base for the customer', 'Walk through the differences with their facilities manager', 'Record the sign-off on the account'] },
			{ title: 'Operations review cadence', outcome: 'A quarterly OBR is held with the customer’s operations team', why: 'Regular reviews catch capacity and power issues before they become escalations.', tasks: ['Agree the OBR dates for the year', 'Prepare the first OBR pack', 'Share the OBR minutes and actions'] },
			{ title: 'Power headroom plan', outcome: 'Customer agreed a plan before the draw cap is reached', why: 'Running close to the cap risks a breaker trip during peak load.', tasks: ['Share the last three months of power readings', 'Ask the SE to size the extra capacity', 'Review the options with the customer'] }
		],
		atRisk: [
			'Customer’s migration slipped a quarter; budget frozen until the new fiscal year.',
			'Our champion left the company; the new IT lead has not engaged yet.',
			'Usage flat for three months; no project behind the extra capacity.',
			'Waiting on the customer’s carrier to deliver its circuits.',
			'Reseller has not scheduled the enablement session yet.',
			'Customer is evaluating a competitor’s offer in the same metro.'
		],
		dropped: [
			'Customer changed strategy: this workload moves to public cloud.',
			'Replaced by a broader objective agreed at the last CBR.',
			'Out of scope after the contract was downsized.',
			'Customer prefers to keep this with its own team.',
			'Project cancelled by the customer’s new CIO.'
		],
		churned: [
			'Customer did not renew; objective closed.',
			'Customer moved out of the IBX; nothing left to adopt.',
			'Contract ended; the customer consolidated with another provider.'
		],
		taskDropped: 'Objective dropped.'
	},
	'pt-BR': {
		metric: {
			colocation_cabinets: {
				title: 'Colocar {target} gabinetes em produção',
				why: 'Gabinetes pagos e vazios são a primeira coisa que compras questiona na renovação.',
				tasks: ['Acordar as ondas de migração com o responsável de TI do cliente', 'Agendar Smart Hands para a instalação dos racks', 'Confirmar as datas de energização com o IBX']
			},
			cross_connects: {
				title: 'Chegar a {target} cross connects ativos',
				why: 'Cada parceiro alcançado por cross connect torna a implantação mais difícil de mover.',
				tasks: ['Listar as operadoras e parceiros que o cliente ainda acessa pela internet', 'Mostrar à equipe de redes como pedir cross connects no portal', 'Revisar os pedidos de cross connect abertos no próximo check-in']
			},
			fabric_ports: {
				title: 'Ter {target} portas Fabric em produção',
				why: 'O Fabric é como o cliente chega às suas nuvens; portas sem uso serão cortadas na renovação.',
				tasks: ['Agendar uma sessão de capacitação em Fabric com o SE', 'Confirmar as velocidades das portas com o arquiteto de redes', 'Verificar se a LOA/CFA das novas portas foi entregue']
			},
			fabric_virtual_connections: {
				title: 'Chegar a {target} conexões virtuais no Fabric',
				why: 'Cada on-ramp de nuvem levado ao Fabric substitui um caminho pela internet mais lento e caro.',
				tasks: ['Mapear as regiões de nuvem do cliente para on-ramps do Fabric', 'Revisar os desenhos das conexões virtuais com o SE', 'Acompanhar as conexões aguardando aprovação do provedor']
			},
			network_edge_devices: {
				title: 'Implantar {target} dispositivos Network Edge',
				why: 'Roteadores e firewalls virtuais na borda tiram a troca de hardware do roadmap do cliente.',
				tasks: ['Confirmar imagens e licenças dos fabricantes com o cliente', 'Fazer uma demonstração de Network Edge para a equipe de segurança', 'Planejar a migração dos appliances físicos']
			},
			metro_connect_circuits: {
				title: 'Ativar {target} circuitos Metro Connect',
				why: 'Um segundo site na região metropolitana é o plano de recuperação de desastres do cliente.',
				tasks: ['Confirmar os caminhos diversos com o responsável de redes', 'Cobrar as datas de entrega dos circuitos', 'Testar o failover entre os dois sites com o cliente']
			},
			smartview_users: {
				title: 'Ter {target} pessoas monitorando no SmartView',
				why: 'Uma operação que vê energia e temperatura por conta própria abre menos chamados.',
				tasks: ['Enviar os convites do SmartView para a equipe de operações', 'Configurar com o cliente os alertas de draw cap', 'Apresentar os painéis no check-in mensal']
			}
		},
		outcome: [
			{ title: 'Pedidos em autoatendimento', outcome: 'O cliente faz seus próprios pedidos de cross connect no portal', why: 'Pedidos feitos pelo cliente são entregues mais rápido e liberam o CSM.', tasks: ['Dar permissão de pedidos no portal aos engenheiros de redes', 'Fazer o primeiro pedido junto com o cliente', 'Confirmar que os últimos três pedidos foram feitos sem ajuda'] },
			{ title: 'Suporte sem depender do CSM', outcome: 'O NOC do cliente abre chamados P1–P4 no portal sem ajuda do CSM', why: 'Chamados enviados direto ao suporte cumprem o SLA; os enviados ao CSM perdem horas.', tasks: ['Compartilhar os caminhos de escalonamento e as metas P1–P4', 'Cadastrar os engenheiros do NOC como usuários do portal', 'Revisar com o cliente os chamados do último mês'] },
			{ title: 'Patrocinador executivo engajado', outcome: 'Um patrocinador executivo participa da próxima CBR', why: 'Sem patrocinador, a renovação é decidida por compras só pelo preço.', tasks: ['Pedir ao AM uma apresentação ao CIO', 'Preparar o resumo de valor para o patrocinador', 'Enviar o convite da CBR com a pauta'] },
			{ title: 'Recuperação de desastres testada', outcome: 'Failover para o segundo site testado e aprovado pelo cliente', why: 'Os auditores do cliente pedem um plano de recuperação testado este ano.', tasks: ['Acordar a janela de teste com o cliente', 'Reservar Smart Hands para a noite do teste', 'Coletar o aceite após o teste'] },
			{ title: 'Primeiro on-ramp de nuvem ativo', outcome: 'O tráfego de produção passa por um on-ramp de nuvem no Fabric', why: 'A migração para a nuvem do cliente depende de um caminho privado até o provedor.', tasks: ['Confirmar a conta e a região de nuvem', 'Pedir a conexão virtual junto com o cliente', 'Verificar a latência com o cliente após a ativação'] },
			{ title: 'Base instalada validada', outcome: 'O cliente aprovou a listagem da base instalada', why: 'Disputas de faturamento começam por uma base instalada que ninguém conferiu.', tasks: ['Exportar a base instalada para o cliente', 'Revisar as diferenças com o responsável de facilities', 'Registrar o aceite na conta'] },
			{ title: 'Cadência de revisões operacionais', outcome: 'Uma OBR trimestral acontece com a equipe de operações do cliente', why: 'Revisões regulares pegam problemas de capacidade e energia antes de virarem escalonamentos.', tasks: ['Acordar as datas das OBRs do ano', 'Preparar o material da primeira OBR', 'Compartilhar a ata e as ações da OBR'] },
			{ title: 'Plano de folga de energia', outcome: 'O cliente aprovou um plano antes de atingir o draw cap', why: 'Operar perto do limite arrisca desarmar o disjuntor no pico de carga.', tasks: ['Enviar as leituras de energia dos últimos três meses', 'Pedir ao SE o dimensionamento da capacidade extra', 'Revisar as opções com o cliente'] }
		],
		atRisk: [
			'A migração do cliente atrasou um trimestre; orçamento congelado até o novo ano fiscal.',
			'Nosso ponto focal saiu da empresa; o novo responsável de TI ainda não se engajou.',
			'Uso estável há três meses; nenhum projeto por trás da capacidade extra.',
			'Aguardando a operadora do cliente entregar os circuitos.',
			'A revenda ainda não agendou a sessão de capacitação.',
			'O cliente está avaliando uma oferta de concorrente na mesma região.'
		],
		dropped: [
			'O cliente mudou de estratégia: esta carga vai para a nuvem pública.',
			'Substituído por um objetivo mais amplo acordado na última CBR.',
			'Fora do escopo depois da redução do contrato.',
			'O cliente prefere manter isso com a própria equipe.',
			'Projeto cancelado pelo novo CIO do cliente.'
		],
		churned: [
			'O cliente não renovou; objetivo encerrado.',
			'O cliente saiu do IBX; não há mais o que adotar.',
			'Contrato encerrado; o cliente consolidou com outro provedor.'
		],
		taskDropped: 'Objetivo descartado.'
	},
	es: {
		metric: {
			colocation_cabinets: {
				title: 'Poner {target} gabinetes en producción',
				why: 'Los gabinetes pagados y vacíos son lo primero que compras cuestiona en la renovación.',
				tasks: ['Acordar las olas de migración con el responsable de TI del cliente', 'Reservar Smart Hands para el montaje de racks', 'Confirmar las fechas de energización con el IBX']
			},
			cross_connects: {
				title: 'Llegar a {target} cross connects activos',
				why: 'Cada socio alcanzado por cross connect hace la implementación más difícil de mover.',
				tasks: ['Listar los operadores y socios que el cliente aún alcanza por internet', 'Mostrar al equipo de redes cómo pedir cross connects en el portal', 'Revisar los pedidos de cross connect abiertos en el próximo seguimiento']
			},
			fabric_ports: {
				title: 'Tener {target} puertos Fabric en producción',
				why: 'Fabric es cómo el cliente llega a sus nubes; los puertos sin uso se recortarán en la renovación.',
				tasks: ['Agendar una sesión de capacitación en Fabric con el SE', 'Confirmar las velocidades de los puertos con el arquitecto de redes', 'Verificar que la LOA/CFA de los nuevos puertos se entregó']
			},
			fabric_virtual_connections: {
				title: 'Llegar a {target} conexiones virtuales en Fabric',
				why: 'Cada on-ramp de nube llevado a Fabric reemplaza un camino por internet más lento y caro.',
				tasks: ['Mapear las regiones de nube del cliente a on-ramps de Fabric', 'Revisar los diseños de conexiones virtuales con el SE', 'Dar seguimiento a las conexiones pendientes de aprobación del proveedor']
			},
			network_edge_devices: {
				title: 'Desplegar {target} dispositivos Network Edge',
				why: 'Routers y firewalls virtuales en el borde quitan la renovación de hardware de su hoja de ruta.',
				tasks: ['Confirmar imágenes y licencias de los fabricantes con el cliente', 'Hacer una demostración de Network Edge al equipo de seguridad', 'Planear la migración desde los equipos físicos']
			},
			metro_connect_circuits: {
				title: 'Activar {target} circuitos Metro Connect',
				why: 'Un segundo sitio en la metrópoli es el plan de recuperación ante desastres del cliente.',
				tasks: ['Confirmar las rutas diversas con el responsable de redes', 'Dar seguimiento a las fechas de entrega de los circuitos', 'Probar el failover entre ambos sitios con el cliente']
			},
			smartview_users: {
				title: 'Tener {target} personas monitoreando en SmartView',
				why: 'Una operación que ve la energía y la temperatura por sí misma abre menos tickets.',
				tasks: ['Enviar las invitaciones de SmartView al equipo de operaciones', 'Configurar con el cliente las alertas de draw cap', 'Mostrar los tableros en el seguimiento mensual']
			}
		},
		outcome: [
			{ title: 'Pedidos en autoservicio', outcome: 'El cliente hace sus propios pedidos de cross connect en el portal', why: 'Los pedidos hechos por el cliente se entregan más rápido y liberan al CSM.', tasks: ['Dar permisos de pedido en el portal a los ingenieros de redes', 'Hacer el primer pedido junto con el cliente', 'Confirmar que los últimos tres pedidos se hicieron sin ayuda'] },
			{ title: 'Soporte sin depender del CSM', outcome: 'El NOC del cliente abre tickets P1–P4 en el portal sin ayuda del CSM', why: 'Los tickets enviados directo a soporte cumplen el SLA; los enviados al CSM pierden horas.', tasks: ['Compartir las rutas de escalamiento y los objetivos P1–P4', 'Dar de alta a los ingenieros del NOC en el portal', 'Revisar con el cliente los tickets del último mes'] },
			{ title: 'Patrocinador ejecutivo comprometido', outcome: 'Un patrocinador ejecutivo asiste a la próxima CBR', why: 'Sin patrocinador, la renovación la decide compras solo por precio.', tasks: ['Pedir al AM una presentación con el CIO', 'Preparar el resumen de valor para el patrocinador', 'Enviar la invitación a la CBR con la agenda'] },
			{ title: 'Recuperación ante desastres probada', outcome: 'Failover al segundo sitio probado y aprobado por el cliente', why: 'Los auditores del cliente piden un plan de recuperación probado este año.', tasks: ['Acordar la ventana de prueba con el cliente', 'Reservar Smart Hands para la noche de la prueba', 'Recabar la aprobación después de la prueba'] },
			{ title: 'Primer on-ramp de nube activo', outcome: 'El tráfico de producción pasa por un on-ramp de nube en Fabric', why: 'La migración a la nube del cliente depende de un camino privado hasta su proveedor.', tasks: ['Confirmar la cuenta y la región de nube', 'Pedir la conexión virtual junto con el cliente', 'Verificar la latencia con el cliente tras la activación'] },
			{ title: 'Base instalada validada', outcome: 'El cliente aprobó el listado de la base instalada', why: 'Las disputas de facturación empiezan por una base instalada que nadie revisó.', tasks: ['Exportar la base instalada para el cliente', 'Revisar las diferencias con el responsable de instalaciones', 'Registrar la aprobación en la cuenta'] },
			{ title: 'Cadencia de revisiones operativas', outcome: 'Se hace una OBR trimestral con el equipo de operaciones del cliente', why: 'Las revisiones periódicas detectan problemas de capacidad y energía antes de que escalen.', tasks: ['Acordar las fechas de las OBR del año', 'Preparar el material de la primera OBR', 'Compartir la minuta y las acciones de la OBR'] },
			{ title: 'Plan de holgura de energía', outcome: 'El cliente aprobó un plan antes de alcanzar el draw cap', why: 'Operar cerca del límite arriesga disparar el interruptor en el pico de carga.', tasks: ['Enviar las lecturas de energía de los últimos tres meses', 'Pedir al SE el dimensionamiento de la capacidad adicional', 'Revisar las opciones con el cliente'] }
		],
		atRisk: [
			'La migración del cliente se retrasó un trimestre; presupuesto congelado hasta el nuevo año fiscal.',
			'Nuestro contacto clave dejó la empresa; el nuevo responsable de TI aún no se involucra.',
			'Uso estable desde hace tres meses; ningún proyecto detrás de la capacidad adicional.',
			'Esperando que el operador del cliente entregue sus circuitos.',
			'El revendedor aún no agenda la sesión de capacitación.',
			'El cliente está evaluando una oferta de la competencia en la misma metrópoli.'
		],
		dropped: [
			'El cliente cambió de estrategia: esta carga se va a la nube pública.',
			'Reemplazado por un objetivo más amplio acordado en la última CBR.',
			'Fuera de alcance tras la reducción del contrato.',
			'El cliente prefiere llevarlo con su propio equipo.',
			'Proyecto cancelado por el nuevo CIO del cliente.'
		],
		churned: [
			'El cliente no renovó; objetivo cerrado.',
			'El cliente salió del IBX; ya no hay nada que adoptar.',
			'Contrato terminado; el cliente consolidó con otro proveedor.'
		],
		taskDropped: 'Objetivo descartado.'
	}
};
