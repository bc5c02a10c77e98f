import type { SectionMessages } from '../../catalogue';

/** Brazilian Portuguese: user administration and personal settings. */
export const users: SectionMessages<'users'> = {
	'users.title': 'Usuários',

	'users.status': 'Status',
	'users.since': 'Criado em',
	'users.active': 'Ativo',
	'users.disabled': 'Desativado',
	'users.enable': 'Ativar {name}',
	'users.disable': 'Desativar {name}',
	'users.changeRole': 'Alterar função',
	'users.roleFor': 'Função de {name}',
	'users.resellerFor': 'Revendedor de {name}',
	'users.noReseller': 'Nenhum revendedor',
	'users.resellerForPartners': 'Revendedor (somente parceiros)',
	'users.initialPassword': 'Senha inicial',
	'users.create': 'Criar um usuário',
	'users.createButton': 'Criar usuário',

	'settings.title': 'Configurações',
	'settings.preferences': 'Idioma e fuso horário',
	'settings.language': 'Idioma',
	'settings.timeZone': 'Fuso horário (IANA, por exemplo, America/Sao_Paulo)',
	'settings.password': 'Senha',
	'settings.currentPassword': 'Senha atual',
	'settings.newPassword': 'Nova senha',
	'settings.passwordHint':
		'No mínimo 10 caracteres. Ao alterá-la, você sai de todas as outras sessões.',
	'settings.changePassword': 'Alterar senha',
	'settings.passwordChanged': 'Senha alterada. Suas outras sessões foram encerradas.',
	'settings.apiTokens': 'Tokens de API',
	'settings.apiTokensHint': 'Tokens de acesso pessoal para a API do Keel.',
	'settings.calendarFeed': 'Feed de calendário',
	'settings.calendarFeedHint':
		'Suas revisões, kick-offs e tarefas com prazo no seu próprio aplicativo de calendário.'
};
