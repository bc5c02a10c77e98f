import type { SectionMessages } from '../../catalogue';

/** Brazilian Portuguese: the JSON API and personal access tokens. */
export const api: SectionMessages<'api'> = {
	'api.title': 'Tokens de API',
	'api.intro':
		'Tokens de acesso pessoal permitem que scripts e outros sistemas usem a API do Keel em seu nome, com o seu acesso. Envie um como "Authorization: Bearer <token>". A API está descrita em /api/v1/openapi.json.',
	'api.new': 'Novo token',
	'api.name': 'Nome',
	'api.nameHint': 'O que o usa, por exemplo "Sincronização com o CRM".',
	'api.access': 'Acesso',
	'api.access.read': 'Leitura',
	'api.access.write': 'Leitura e escrita',
	'api.expiresOn': 'Expira em',
	'api.expiresHint':
		'O token deixa de funcionar depois deste dia. Deixe em branco para mantê-lo até revogá-lo.',
	'api.create': 'Criar token',
	'api.created':
		'Token "{name}" criado. Copie-o agora: ele é mostrado só uma vez e não poderá ser visto de novo.',
	'api.token': 'Seu novo token',
	'api.list': 'Seus tokens',
	'api.none': 'Você não tem tokens.',
	'api.createdAt': 'Criado',
	'api.lastUsed': 'Último uso',
	'api.never': 'Nunca',
	'api.expires': 'Expira',
	'api.noExpiry': 'Sem expiração',
	'api.expired': 'Expirado',
	'api.revoke': 'Revogar',
	'api.revokeNamed': 'Revogar o token {name}',
	'api.revoked': 'Token revogado. As requisições que o usam são recusadas a partir de agora.',
	'api.error.expiryPast': 'Escolha hoje ou um dia posterior.'
};
