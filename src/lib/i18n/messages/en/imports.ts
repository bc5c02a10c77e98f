/** English: CSV imports. Loaded only on the routes that show them (route-sections.ts). */
export const imports = {
	'imports.title': 'Imports',

	'imports.intro':
		"Bring records in from a CSV file: upload it, match its columns to Keel's fields, check every row, then import them all at once. If any row has a problem, nothing is imported.",
	'imports.new': 'New import',
	'imports.kind': 'The file holds',
	'importKind.accounts': 'Accounts',
	'imports.source': 'Source',
	'imports.sourceHint':
		'Where the file comes from, for example "Salesforce export". Keel remembers how its columns match for the next file from there.',
	'imports.file': 'CSV file',
	'imports.fileHint':
		'UTF-8 with or without a byte-order mark, values separated by "," or ";", up to {rows} rows and {megabytes} MB.',
	'imports.upload': 'Upload',
	'imports.uploading': 'Uploading… {percent}',
	'imports.recent': 'Recent imports',
	'imports.none': 'No imports yet.',
	'imports.colFile': 'File',
	'imports.colKind': 'Kind',
	'imports.colSource': 'Source',
	'imports.colUploaded': 'Uploaded',
	'imports.colStatus': 'Status',
	'imports.colRows': 'Rows',
	'imports.colResult': 'Result',
	'importStatus.uploading': 'Upload incomplete',
	'importStatus.uploaded': 'Columns to match',
	'importStatus.validated': 'Ready to import',
	'importStatus.invalid': 'Has problems',
	'importStatus.committed': 'Imported',
	'imports.counts': '{create} new, {update} updated, {unchanged} unchanged',
	'imports.problemCount.one': '{count} row with problems',
	'imports.problemCount.other': '{count} rows with problems',
	'imports.rows.one': '{count} row',
	'imports.rows.other': '{count} rows',
	'imports.back': 'All imports',
	'imports.pageTitle': 'Import of {file}',
	'imports.uploadedBy': 'Uploaded by {name}, {date}',
	'imports.separatorIs': 'Values separated by "{separator}"',
	'imports.incomplete': 'This file did not finish uploading. Discard it and upload the file again.',
	'imports.match': 'Match columns',
	'imports.matchIntro': 'For each field in Keel, choose the column of your file that holds it.',
	'imports.field': 'Field in Keel',
	'imports.columnInFile': 'Column in your file',
	'imports.notInFile': '— not in this file —',
	'imports.unnamedColumn': 'Column {number}',
	'imports.needKey':
		'Required: rows are matched on it. A row whose external id is already in Keel updates that account; any other row creates one.',
	'imports.needNew':
		'Needed to add new ones. When the file lacks it, those already in Keel keep their value.',
	'imports.needOptional':
		'Optional. When the file lacks it, those already in Keel keep their value.',
	'imports.originRemembered': 'Matched as the last file from "{source}".',
	'imports.originGuessed': 'Matched by the column names: check it before going on.',
	'imports.originSaved': 'The matching of the last check.',
	'imports.valueRules':
		'A list field takes its code or its label in English, Portuguese or Spanish ("Mid-market", "mid_market", "Mediana empresa"). Dates are YYYY-MM-DD. Numbers are read as your file writes them: 1,200,000.50 in a file separated by ",", 1.200.000,50 in one separated by ";".',
	'imports.preview': 'Preview of the first rows',
	'imports.line': 'Line',
	'imports.column': 'Column',
	'imports.problem': 'Problem',
	'imports.check': 'Check all rows',
	'imports.checkedOk':
		'All {count} rows are fine: {create} new, {update} to update, {unchanged} unchanged.',
	'imports.checkedProblems.one':
		'{count} row has problems. Nothing can be imported until the file is fixed: correct it and upload it again.',
	'imports.checkedProblems.other':
		'{count} rows have problems. Nothing can be imported until the file is fixed: correct it and upload it again.',
	'imports.problems': 'Problems',
	'imports.problemsFirst': 'The first {shown} problems are listed here; the report has them all.',
	'imports.downloadProblems': 'Download every problem (CSV)',
	'imports.uploadCorrected': 'Upload a corrected file',
	'imports.commit.one': 'Import {count} row',
	'imports.commit.other': 'Import {count} rows',
	'imports.commitHint': 'Every row is written in one go; if anything fails, nothing is.',
	'imports.committed': 'Imported {date}: {create} new, {update} updated, {unchanged} unchanged.',
	'imports.seeAccounts': 'See the accounts',
	'imports.discard': 'Discard import',
	'imports.discarded': 'The import was discarded.',
	'import.error.empty': 'The file is empty.',
	'import.error.headerOnly': 'The file has a header line but no rows.',
	'import.error.duplicateHeader':
		'Two columns are named "{name}". Rename one and upload the file again.',
	'import.error.notUtf8':
		'The file is not UTF-8 text. In your spreadsheet, save it as "CSV UTF-8" and upload that.',
	'import.error.notCsv': 'This is not a CSV file. Save the sheet as "CSV UTF-8" and upload that.',
	'import.error.unclosedQuote':
		'Line {line}: a value opens a quote that never closes, so the file cannot be read.',
	'import.error.textAfterQuote':
		'Line {line}: text follows a closing quote. Put the whole value in quotes.',
	'import.error.recordTooLong':
		'Line {line}: the row is longer than {max} characters; a quote is probably not closed.',
	'import.error.tooManyRows': 'The file has more than {max} rows. Split it into smaller files.',
	'import.error.tooLarge': 'The file is larger than {max} MB. Split it into smaller files.',
	'import.error.fileRequired': 'Choose a CSV file.',
	'import.error.uploadOrder': 'The upload was interrupted. Upload the file again.',
	'import.error.uploadFailed': 'The upload failed. Check your connection and try again.',
	'import.error.incomplete': 'This file did not finish uploading.',
	'import.error.keyNotMapped': 'Choose the column with the external id: rows are matched on it.',
	'import.error.columnTwice': 'Column "{name}" is already chosen for another field.',
	'import.error.fieldCount': 'This row has {count} values; the header has {expected}.',
	'import.error.duplicateKey': 'Line {line} has the same external id.',
	'import.error.notMapped':
		'This row adds a new record, which needs this field: match a column to it.',
	'import.error.choice': '"{value}" is not one of: {options}.',
	'import.error.resellerUnknown': 'No reseller is named "{name}".',
	'import.error.resellerRequired':
		'An account sold through a reseller needs its reseller: name it in the reseller column.',
	'import.error.committed': 'This import is already done.',
	'import.error.notReady': 'Check the rows first: only a check without problems can be imported.',
	'import.error.changed': 'The data changed since the check. Check the rows again.',

	'importKind.contacts': 'Contacts',
	'import.field.accountExternalId': 'Account external id',
	'imports.hintContactAccount': 'Required: the account the contact belongs to, by its external id.',
	'imports.hintContactEmail':
		'Required: with the account, it finds the contact. A row whose account and email are already in Keel updates that contact; any other row adds one.',
	'import.error.accountUnknown': 'No account has the external id "{id}".',
	'import.error.duplicateContact': 'Line {line} has the same account and email.',
	'import.error.contactAmbiguous':
		'This account has two contacts with this email; keep one in Keel first.',
	'import.error.yesNo': '"{value}" is neither yes nor no.',
	'import.error.twoPrimaries':
		'Line {line} already makes another contact of this account its primary contact.',
	'importKind.account_team': 'Account team',
	'importKind.usage': 'Usage metrics',
	'importKind.feedback': 'Feedback',
	'import.field.userEmail': "User's email",
	'imports.hintTeamAccount':
		'Required: the account whose team the person is on, by its external id.',
	'imports.hintTeamEmail':
		"Required: the Keel user, by email. A row for someone already on the account's team changes their role; any other row adds them. People on the team whom the file does not name stay on it.",
	'import.error.userUnknown': 'No user has the email "{email}".',
	'import.error.userCannotJoin':
		'"{email}" cannot be on an account team: the user is disabled or an administrator.',
	'import.error.memberAmbiguous':
		"This person has several roles on this account's team; change them on the account page.",
	'import.error.duplicateMember': 'Line {line} has the same account and person.',
	'imports.hintUsageAccount': 'Required: the account the reading is for, by its external id.',
	'imports.hintUsageMetric':
		'Required: what was measured. With the account and the month, it finds the reading: a row for a reading already in Keel corrects it; any other row records one.',
	'imports.hintUsageMonth':
		'Required: the month, as YYYY-MM or its first day (YYYY-MM-01); this month or earlier.',
	'import.error.duplicateUsage': 'Line {line} has the same account, metric and month.',
	'import.field.responseId': 'Response id',
	'import.field.feedbackKind': 'Kind of feedback',
	'import.field.feedbackSource': 'Source of the feedback',
	'import.field.contactEmail': "Contact's email",
	'imports.hintFeedbackAccount': 'Required: the account the response is from, by its external id.',
	'imports.hintFeedbackId':
		"Required: the response's id in the system the file comes from. A row whose account and id are already in Keel corrects that response; any other row records one.",
	'imports.hintFeedbackContact':
		"Optional: who gave it, by the email of one of the account's contacts.",
	'imports.hintFeedbackThemes': 'Optional: themes and tags, separated by commas.',
	'import.error.contactUnknown': 'The account has no contact with the email "{email}".',
	'import.error.duplicateFeedback': 'Line {line} has the same account and response id.',
	'imports.seeAdoption': 'See portfolio adoption',
	'imports.seeFeedback': 'See feedback trends'
} as const;
