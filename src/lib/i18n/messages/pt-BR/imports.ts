import type { SectionMessages } from '../../catalogue';

/** Brazilian Portuguese: CSV imports. */
export const imports: SectionMessages<'imports'> = {
	'imports.title': 'Importações',

	'imports.intro':
		'Traga registros de um arquivo CSV: envie-o, associe as colunas aos campos do Keel, verifique cada linha e importe tudo de uma vez. Se alguma linha tiver um problema, nada é importado.',
	'imports.new': 'Nova importação',
	'imports.kind': 'O arquivo contém',
	'importKind.accounts': 'Contas',
	'imports.source': 'Origem',
	'imports.sourceHint':
		'De onde vem o arquivo, por exemplo "Exportação do Salesforce". O Keel lembra como as colunas se associam para o próximo arquivo dessa origem.',
	'imports.file': 'Arquivo CSV',
	'imports.fileHint':
		'UTF-8 com ou sem marca de ordem de bytes, valores separados por "," ou ";", até {rows} linhas e {megabytes} MB.',
	'imports.upload': 'Enviar',
	'imports.uploading': 'Enviando… {percent}',
	'imports.recent': 'Importações recentes',
	'imports.none': 'Nenhuma importação ainda.',
	'imports.colFile': 'Arquivo',
	'imports.colKind': 'Tipo',
	'imports.colSource': 'Origem',
	'imports.colUploaded': 'Enviado',
	'imports.colStatus': 'Situação',
	'imports.colRows': 'Linhas',
	'imports.colResult': 'Resultado',
	'importStatus.uploading': 'Envio incompleto',
	'importStatus.uploaded': 'Colunas a associar',
	'importStatus.validated': 'Pronta para importar',
	'importStatus.invalid': 'Com problemas',
	'importStatus.committed': 'Importada',
	'imports.counts': '{create} novas, {update} atualizadas, {unchanged} sem mudança',
	'imports.problemCount.one': '{count} linha com problemas',
	'imports.problemCount.other': '{count} linhas com problemas',
	'imports.rows.one': '{count} linha',
	'imports.rows.other': '{count} linhas',
	'imports.back': 'Todas as importações',
	'imports.pageTitle': 'Importação de {file}',
	'imports.uploadedBy': 'Enviado por {name}, {date}',
	'imports.separatorIs': 'Valores separados por "{separator}"',
	'imports.incomplete': 'O envio deste arquivo não terminou. Descarte-o e envie o arquivo de novo.',
	'imports.match': 'Associar colunas',
	'imports.matchIntro': 'Para cada campo do Keel, escolha a coluna do seu arquivo que o contém.',
	'imports.field': 'Campo no Keel',
	'imports.columnInFile': 'Coluna no seu arquivo',
	'imports.notInFile': '— não está no arquivo —',
	'imports.unnamedColumn': 'Coluna {number}',
	'imports.needKey':
		'Obrigatório: as linhas são associadas por ele. Uma linha cujo ID externo já está no Keel atualiza essa conta; qualquer outra cria uma.',
	'imports.needNew':
		'Necessário para criar novos. Se o arquivo não o tiver, os que já estão no Keel mantêm o valor.',
	'imports.needOptional':
		'Opcional. Se o arquivo não o tiver, os que já estão no Keel mantêm o valor.',
	'imports.originRemembered': 'Associado como o último arquivo de "{source}".',
	'imports.originGuessed': 'Associado pelos nomes das colunas: confira antes de continuar.',
	'imports.originSaved': 'A associação da última verificação.',
	'imports.valueRules':
		'Um campo de lista aceita o código ou o rótulo em inglês, português ou espanhol ("Mid-market", "mid_market", "Média empresa"). Datas no formato AAAA-MM-DD. Os números são lidos como o arquivo os escreve: 1,200,000.50 num arquivo separado por ",", 1.200.000,50 num separado por ";".',
	'imports.preview': 'Prévia das primeiras linhas',
	'imports.line': 'Linha',
	'imports.column': 'Coluna',
	'imports.problem': 'Problema',
	'imports.check': 'Verificar todas as linhas',
	'imports.checkedOk':
		'As {count} linhas estão corretas: {create} novas, {update} a atualizar, {unchanged} sem mudança.',
	'imports.checkedProblems.one':
		'{count} linha tem problemas. Nada pode ser importado até o arquivo ser corrigido: corrija-o e envie-o de novo.',
	'imports.checkedProblems.other':
		'{count} linhas têm problemas. Nada pode ser importado até o arquivo ser corrigido: corrija-o e envie-o de novo.',
	'imports.problems': 'Problemas',
	'imports.problemsFirst':
		'Os primeiros {shown} problemas estão listados aqui; o relatório tem todos.',
	'imports.downloadProblems': 'Baixar todos os problemas (CSV)',
	'imports.uploadCorrected': 'Enviar um arquivo corrigido',
	'imports.commit.one': 'Importar {count} linha',
	'imports.commit.other': 'Importar {count} linhas',
	'imports.commitHint': 'Todas as linhas são gravadas de uma vez; se algo falhar, nada é gravado.',
	'imports.committed':
		'Importada {date}: {create} novas, {update} atualizadas, {unchanged} sem mudança.',
	'imports.seeAccounts': 'Ver as contas',
	'imports.discard': 'Descartar importação',
	'imports.discarded': 'A importação foi descartada.',
	'import.error.empty': 'O arquivo está vazio.',
	'import.error.headerOnly': 'O arquivo tem uma linha de cabeçalho, mas nenhuma linha de dados.',
	'import.error.duplicateHeader':
		'Duas colunas se chamam "{name}". Renomeie uma e envie o arquivo de novo.',
	'import.error.notUtf8':
		'O arquivo não é texto UTF-8. Na sua planilha, salve como "CSV UTF-8" e envie esse arquivo.',
	'import.error.notCsv':
		'Este não é um arquivo CSV. Salve a planilha como "CSV UTF-8" e envie esse arquivo.',
	'import.error.unclosedQuote':
		'Linha {line}: um valor abre aspas que nunca fecham, então o arquivo não pode ser lido.',
	'import.error.textAfterQuote':
		'Linha {line}: há texto depois de aspas de fechamento. Coloque o valor inteiro entre aspas.',
	'import.error.recordTooLong':
		'Linha {line}: a linha tem mais de {max} caracteres; provavelmente há aspas não fechadas.',
	'import.error.tooManyRows': 'O arquivo tem mais de {max} linhas. Divida-o em arquivos menores.',
	'import.error.tooLarge': 'O arquivo tem mais de {max} MB. Divida-o em arquivos menores.',
	'import.error.fileRequired': 'Escolha um arquivo CSV.',
	'import.error.uploadOrder': 'O envio foi interrompido. Envie o arquivo de novo.',
	'import.error.uploadFailed': 'O envio falhou. Verifique sua conexão e tente de novo.',
	'import.error.incomplete': 'O envio deste arquivo não terminou.',
	'import.error.keyNotMapped':
		'Escolha a coluna com o ID externo: as linhas são associadas por ele.',
	'import.error.columnTwice': 'A coluna "{name}" já foi escolhida para outro campo.',
	'import.error.fieldCount': 'Esta linha tem {count} valores; o cabeçalho tem {expected}.',
	'import.error.duplicateKey': 'A linha {line} tem o mesmo ID externo.',
	'import.error.notMapped':
		'Esta linha cria um registro novo, que precisa deste campo: associe uma coluna a ele.',
	'import.error.choice': '"{value}" não é um destes: {options}.',
	'import.error.resellerUnknown': 'Nenhum revendedor se chama "{name}".',
	'import.error.resellerRequired':
		'Uma conta vendida por revendedor precisa do revendedor: informe-o na coluna de revendedor.',
	'import.error.committed': 'Esta importação já foi feita.',
	'import.error.notReady':
		'Verifique as linhas primeiro: só uma verificação sem problemas pode ser importada.',
	'import.error.changed': 'Os dados mudaram desde a verificação. Verifique as linhas de novo.',

	'importKind.contacts': 'Contatos',
	'import.field.accountExternalId': 'ID externo da conta',
	'imports.hintContactAccount':
		'Obrigatório: a conta a que o contato pertence, pelo ID externo dela.',
	'imports.hintContactEmail':
		'Obrigatório: com a conta, identifica o contato. Uma linha cuja conta e e-mail já estão no Keel atualiza esse contato; qualquer outra linha adiciona um.',
	'import.error.accountUnknown': 'Nenhuma conta tem o ID externo "{id}".',
	'import.error.duplicateContact': 'A linha {line} tem a mesma conta e o mesmo e-mail.',
	'import.error.contactAmbiguous':
		'Esta conta tem dois contatos com este e-mail; mantenha só um no Keel antes.',
	'import.error.yesNo': '"{value}" não é sim nem não.',
	'import.error.twoPrimaries':
		'A linha {line} já torna outro contato desta conta o contato principal.',
	'importKind.account_team': 'Equipe da conta',
	'importKind.usage': 'Métricas de uso',
	'importKind.feedback': 'Feedback',
	'import.field.userEmail': 'E-mail do usuário',
	'imports.hintTeamAccount':
		'Obrigatório: a conta em cuja equipe a pessoa está, pelo ID externo dela.',
	'imports.hintTeamEmail':
		'Obrigatório: o usuário do Keel, pelo e-mail. Uma linha de alguém que já está na equipe da conta muda o papel dessa pessoa; qualquer outra linha a adiciona. Quem está na equipe e não aparece no arquivo continua nela.',
	'import.error.userUnknown': 'Nenhum usuário tem o e-mail "{email}".',
	'import.error.userCannotJoin':
		'"{email}" não pode estar em uma equipe de conta: o usuário está desativado ou é administrador.',
	'import.error.memberAmbiguous':
		'Esta pessoa tem vários papéis na equipe desta conta; altere-os na página da conta.',
	'import.error.duplicateMember': 'A linha {line} tem a mesma conta e a mesma pessoa.',
	'imports.hintUsageAccount': 'Obrigatório: a conta da medição, pelo ID externo dela.',
	'imports.hintUsageMetric':
		'Obrigatório: o que foi medido. Com a conta e o mês, identifica a medição: uma linha de uma medição que já está no Keel a corrige; qualquer outra linha registra uma.',
	'imports.hintUsageMonth':
		'Obrigatório: o mês, como AAAA-MM ou o primeiro dia dele (AAAA-MM-01); este mês ou antes.',
	'import.error.duplicateUsage': 'A linha {line} tem a mesma conta, a mesma métrica e o mesmo mês.',
	'import.field.responseId': 'ID da resposta',
	'import.field.feedbackKind': 'Tipo de feedback',
	'import.field.feedbackSource': 'Origem do feedback',
	'import.field.contactEmail': 'E-mail do contato',
	'imports.hintFeedbackAccount':
		'Obrigatório: a conta de onde vem a resposta, pelo ID externo dela.',
	'imports.hintFeedbackId':
		'Obrigatório: o ID da resposta no sistema de onde vem o arquivo. Uma linha cuja conta e ID já estão no Keel corrige essa resposta; qualquer outra linha registra uma.',
	'imports.hintFeedbackContact': 'Opcional: quem a deu, pelo e-mail de um dos contatos da conta.',
	'imports.hintFeedbackThemes': 'Opcional: temas e etiquetas, separados por vírgulas.',
	'import.error.contactUnknown': 'A conta não tem contato com o e-mail "{email}".',
	'import.error.duplicateFeedback': 'A linha {line} tem a mesma conta e o mesmo ID de resposta.',
	'imports.seeAdoption': 'Ver a adoção do portfólio',
	'imports.seeFeedback': 'Ver as tendências de feedback'
};
