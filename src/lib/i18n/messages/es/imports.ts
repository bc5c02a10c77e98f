import type { SectionMessages } from '../../catalogue';

/** Spanish: CSV imports. */
export const imports: SectionMessages<'imports'> = {
	'imports.title': 'Importaciones',

	'imports.intro':
		'Traiga registros desde un archivo CSV: súbalo, asocie sus columnas a los campos de Keel, revise cada fila e impórtelas todas de una vez. Si alguna fila tiene un problema, no se importa nada.',
	'imports.new': 'Nueva importación',
	'imports.kind': 'El archivo contiene',
	'importKind.accounts': 'Cuentas',
	'imports.source': 'Origen',
	'imports.sourceHint':
		'De dónde viene el archivo, por ejemplo "Exportación de Salesforce". Keel recuerda cómo se asocian sus columnas para el próximo archivo de ese origen.',
	'imports.file': 'Archivo CSV',
	'imports.fileHint':
		'UTF-8 con o sin marca de orden de bytes, valores separados por "," o ";", hasta {rows} filas y {megabytes} MB.',
	'imports.upload': 'Subir',
	'imports.uploading': 'Subiendo… {percent}',
	'imports.recent': 'Importaciones recientes',
	'imports.none': 'Todavía no hay importaciones.',
	'imports.colFile': 'Archivo',
	'imports.colKind': 'Tipo',
	'imports.colSource': 'Origen',
	'imports.colUploaded': 'Subido',
	'imports.colStatus': 'Estado',
	'imports.colRows': 'Filas',
	'imports.colResult': 'Resultado',
	'importStatus.uploading': 'Subida incompleta',
	'importStatus.uploaded': 'Columnas por asociar',
	'importStatus.validated': 'Lista para importar',
	'importStatus.invalid': 'Con problemas',
	'importStatus.committed': 'Importada',
	'imports.counts': '{create} nuevas, {update} actualizadas, {unchanged} sin cambios',
	'imports.problemCount.one': '{count} fila con problemas',
	'imports.problemCount.other': '{count} filas con problemas',
	'imports.rows.one': '{count} fila',
	'imports.rows.other': '{count} filas',
	'imports.back': 'Todas las importaciones',
	'imports.pageTitle': 'Importación de {file}',
	'imports.uploadedBy': 'Subido por {name}, {date}',
	'imports.separatorIs': 'Valores separados por "{separator}"',
	'imports.incomplete':
		'La subida de este archivo no terminó. Descártelo y vuelva a subir el archivo.',
	'imports.match': 'Asociar columnas',
	'imports.matchIntro': 'Para cada campo de Keel, elija la columna de su archivo que lo contiene.',
	'imports.field': 'Campo en Keel',
	'imports.columnInFile': 'Columna en su archivo',
	'imports.notInFile': '— no está en el archivo —',
	'imports.unnamedColumn': 'Columna {number}',
	'imports.needKey':
		'Obligatorio: las filas se asocian por él. Una fila cuyo ID externo ya está en Keel actualiza esa cuenta; cualquier otra crea una.',
	'imports.needNew':
		'Necesario para crear nuevos. Si el archivo no lo tiene, los que ya están en Keel conservan su valor.',
	'imports.needOptional':
		'Opcional. Si el archivo no lo tiene, los que ya están en Keel conservan su valor.',
	'imports.originRemembered': 'Asociado como el último archivo de "{source}".',
	'imports.originGuessed': 'Asociado por los nombres de las columnas: revíselo antes de seguir.',
	'imports.originSaved': 'La asociación de la última revisión.',
	'imports.valueRules':
		'Un campo de lista acepta su código o su etiqueta en inglés, portugués o español ("Mid-market", "mid_market", "Mediana empresa"). Las fechas van como AAAA-MM-DD. Los números se leen como los escribe el archivo: 1,200,000.50 en un archivo separado por ",", 1.200.000,50 en uno separado por ";".',
	'imports.preview': 'Vista previa de las primeras filas',
	'imports.line': 'Línea',
	'imports.column': 'Columna',
	'imports.problem': 'Problema',
	'imports.check': 'Revisar todas las filas',
	'imports.checkedOk':
		'Las {count} filas están bien: {create} nuevas, {update} por actualizar, {unchanged} sin cambios.',
	'imports.checkedProblems.one':
		'{count} fila tiene problemas. No se puede importar nada hasta corregir el archivo: corríjalo y vuelva a subirlo.',
	'imports.checkedProblems.other':
		'{count} filas tienen problemas. No se puede importar nada hasta corregir el archivo: corríjalo y vuelva a subirlo.',
	'imports.problems': 'Problemas',
	'imports.problemsFirst':
		'Aquí se listan los primeros {shown} problemas; el informe los tiene todos.',
	'imports.downloadProblems': 'Descargar todos los problemas (CSV)',
	'imports.uploadCorrected': 'Subir un archivo corregido',
	'imports.commit.one': 'Importar {count} fila',
	'imports.commit.other': 'Importar {count} filas',
	'imports.commitHint':
		'Todas las filas se escriben de una vez; si algo falla, no se escribe nada.',
	'imports.committed':
		'Importada {date}: {create} nuevas, {update} actualizadas, {unchanged} sin cambios.',
	'imports.seeAccounts': 'Ver las cuentas',
	'imports.discard': 'Descartar importación',
	'imports.discarded': 'La importación fue descartada.',
	'import.error.empty': 'El archivo está vacío.',
	'import.error.headerOnly': 'El archivo tiene una línea de encabezado pero ninguna fila.',
	'import.error.duplicateHeader':
		'Dos columnas se llaman "{name}". Cambie el nombre de una y vuelva a subir el archivo.',
	'import.error.notUtf8':
		'El archivo no es texto UTF-8. En su hoja de cálculo, guárdelo como "CSV UTF-8" y suba ese archivo.',
	'import.error.notCsv':
		'Este no es un archivo CSV. Guarde la hoja como "CSV UTF-8" y suba ese archivo.',
	'import.error.unclosedQuote':
		'Línea {line}: un valor abre comillas que nunca se cierran, así que el archivo no se puede leer.',
	'import.error.textAfterQuote':
		'Línea {line}: hay texto después de unas comillas de cierre. Ponga el valor completo entre comillas.',
	'import.error.recordTooLong':
		'Línea {line}: la fila tiene más de {max} caracteres; probablemente unas comillas no se cierran.',
	'import.error.tooManyRows':
		'El archivo tiene más de {max} filas. Divídalo en archivos más pequeños.',
	'import.error.tooLarge': 'El archivo pesa más de {max} MB. Divídalo en archivos más pequeños.',
	'import.error.fileRequired': 'Elija un archivo CSV.',
	'import.error.uploadOrder': 'La subida se interrumpió. Vuelva a subir el archivo.',
	'import.error.uploadFailed': 'La subida falló. Revise su conexión e inténtelo de nuevo.',
	'import.error.incomplete': 'La subida de este archivo no terminó.',
	'import.error.keyNotMapped': 'Elija la columna con el ID externo: las filas se asocian por él.',
	'import.error.columnTwice': 'La columna "{name}" ya está elegida para otro campo.',
	'import.error.fieldCount': 'Esta fila tiene {count} valores; el encabezado tiene {expected}.',
	'import.error.duplicateKey': 'La línea {line} tiene el mismo ID externo.',
	'import.error.notMapped':
		'Esta fila crea un registro nuevo, que necesita este campo: asóciele una columna.',
	'import.error.choice': '"{value}" no es uno de estos: {options}.',
	'import.error.resellerUnknown': 'Ningún revendedor se llama "{name}".',
	'import.error.resellerRequired':
		'Una cuenta vendida por un revendedor necesita su revendedor: indíquelo en la columna de revendedor.',
	'import.error.committed': 'Esta importación ya se hizo.',
	'import.error.notReady':
		'Revise las filas primero: solo se puede importar una revisión sin problemas.',
	'import.error.changed': 'Los datos cambiaron desde la revisión. Vuelva a revisar las filas.',

	'importKind.contacts': 'Contactos',
	'import.field.accountExternalId': 'ID externo de la cuenta',
	'imports.hintContactAccount':
		'Obligatorio: la cuenta a la que pertenece el contacto, por su ID externo.',
	'imports.hintContactEmail':
		'Obligatorio: junto con la cuenta, identifica al contacto. Una fila cuya cuenta y correo ya están en Keel actualiza ese contacto; cualquier otra fila agrega uno.',
	'import.error.accountUnknown': 'Ninguna cuenta tiene el ID externo "{id}".',
	'import.error.duplicateContact': 'La línea {line} tiene la misma cuenta y el mismo correo.',
	'import.error.contactAmbiguous':
		'Esta cuenta tiene dos contactos con este correo; deje solo uno en Keel antes.',
	'import.error.yesNo': '"{value}" no es sí ni no.',
	'import.error.twoPrimaries':
		'La línea {line} ya hace de otro contacto de esta cuenta su contacto principal.',
	'importKind.account_team': 'Equipo de la cuenta',
	'importKind.usage': 'Métricas de uso',
	'importKind.feedback': 'Opiniones',
	'import.field.userEmail': 'Correo del usuario',
	'imports.hintTeamAccount':
		'Obligatorio: la cuenta en cuyo equipo está la persona, por su ID externo.',
	'imports.hintTeamEmail':
		'Obligatorio: el usuario de Keel, por su correo. Una fila de alguien que ya está en el equipo de la cuenta cambia su rol; cualquier otra fila lo agrega. Quien está en el equipo y no aparece en el archivo sigue en él.',
	'import.error.userUnknown': 'Ningún usuario tiene el correo "{email}".',
	'import.error.userCannotJoin':
		'"{email}" no puede estar en un equipo de cuenta: el usuario está desactivado o es administrador.',
	'import.error.memberAmbiguous':
		'Esta persona tiene varios roles en el equipo de esta cuenta; cámbielos en la página de la cuenta.',
	'import.error.duplicateMember': 'La línea {line} tiene la misma cuenta y la misma persona.',
	'imports.hintUsageAccount': 'Obligatorio: la cuenta de la medición, por su ID externo.',
	'imports.hintUsageMetric':
		'Obligatorio: lo que se midió. Junto con la cuenta y el mes, identifica la medición: una fila de una medición que ya está en Keel la corrige; cualquier otra fila registra una.',
	'imports.hintUsageMonth':
		'Obligatorio: el mes, como AAAA-MM o su primer día (AAAA-MM-01); este mes o antes.',
	'import.error.duplicateUsage':
		'La línea {line} tiene la misma cuenta, la misma métrica y el mismo mes.',
	'import.field.responseId': 'ID de la respuesta',
	'import.field.feedbackKind': 'Tipo de opinión',
	'import.field.feedbackSource': 'Origen de la opinión',
	'import.field.contactEmail': 'Correo del contacto',
	'imports.hintFeedbackAccount':
		'Obligatorio: la cuenta de la que viene la respuesta, por su ID externo.',
	'imports.hintFeedbackId':
		'Obligatorio: el ID de la respuesta en el sistema del que viene el archivo. Una fila cuya cuenta e ID ya están en Keel corrige esa respuesta; cualquier otra fila registra una.',
	'imports.hintFeedbackContact':
		'Opcional: quién la dio, por el correo de uno de los contactos de la cuenta.',
	'imports.hintFeedbackThemes': 'Opcional: temas y etiquetas, separados por comas.',
	'import.error.contactUnknown': 'La cuenta no tiene ningún contacto con el correo "{email}".',
	'import.error.duplicateFeedback':
		'La línea {line} tiene la misma cuenta y el mismo ID de respuesta.',
	'imports.seeAdoption': 'Ver la adopción del portafolio',
	'imports.seeFeedback': 'Ver las tendencias de opinión'
};
