import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO, DEMO_PASSWORD, launchBrowser } from '../support/browser';
import { parseCsv } from '../support/csv';
import { SESSION_COOKIE, postUrlencoded, sessionFor } from '../support/http-probe';

/**
 * Stored XSS: script-shaped text goes into every free-text field the forms offer, then every
 * page that shows it is opened as the roles that see it. The pages run with the CSP bypassed,
 * so what is checked is the escaping itself, not the CSP standing in for it: a payload that
 * became markup would run and set window.__xss (or open a dialog).
 *
 * Everything is written on records this file makes (a new account, user, template…) with names
 * that sort last, so the demo data other browser tests read is left as it was.
 */
const baseURL = inject('baseURL');
const tag = Date.now().toString(36);

/** The part every payload carries, checked for as literal text on the pages. */
const CORE = '<img src=x onerror="window.__xss=1">';
/** Text in an element, breaking out of an attribute, out of a script, and a dialog. */
const payload = (label: string) =>
	`Zz ${label} ${tag} ${CORE} "><svg onload="alert(2)"> '</script><script>window.__xss=3</script>`;
/** For the fields that take 100 characters at most. */
const short = (label: string) => `Zz ${label} ${tag} ${CORE}`;
/** Formula injection: cells a spreadsheet would run (CSV export). */
const FORMULAS = ['=HYPERLINK("https://evil.example","x")', '+1+1', '-1+1', '@SUM(1,1)'];

const today = () => new Date().toISOString().slice(0, 10);
const daysFromNow = (days: number) =>
	new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

let browser: Browser;
const dialogs: string[] = [];
const roles = new Map<string, { context: BrowserContext; page: Page }>();

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** A signed-in browser with the CSP off, so only escaping stands between a payload and a run. */
async function as(email: string, password = DEMO_PASSWORD) {
	const known = roles.get(email);
	if (known) return known.page;
	const context = await browser.newContext({ baseURL, bypassCSP: true, locale: 'en-GB' });
	const session = await sessionFor(baseURL, email, password);
	await context.addCookies([{ name: SESSION_COOKIE, value: session, url: baseURL }]);
	const page = await context.newPage();
	page.on('dialog', (dialog) => {
		dialogs.push(`${email} ${page.url()}: ${dialog.message()}`);
		void dialog.dismiss();
	});
	// On a page of the app, so the in-page posts below are same-origin.
	await page.goto('/settings');
	roles.set(email, { context, page });
	return page;
}

type Field = string | { file: string; name: string; type: string };

/**
 * Posts a form action from inside the page (same origin, the user's cookie) and returns its
 * result as an enhanced form reads it: { type: 'success' | 'redirect' | 'failure', … }.
 */
async function act(page: Page, path: string, fields: Record<string, Field> | [string, Field][]) {
	const entries = Array.isArray(fields) ? fields : Object.entries(fields);
	const result = await page.evaluate(
		async ({ path, entries }) => {
			const body = new FormData();
			for (const [name, value] of entries) {
				if (typeof value === 'string') body.append(name, value);
				else
					body.append(name, new File([value.file], value.name, { type: value.type }), value.name);
			}
			const response = await fetch(path, {
				method: 'POST',
				body,
				headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }
			});
			return { status: response.status, text: await response.text() };
		},
		{ path, entries }
	);
	const parsed = (result.text.startsWith('{') ? JSON.parse(result.text) : { type: 'not JSON' }) as {
		type: string;
		location?: string;
	};
	if (parsed.type !== 'success' && parsed.type !== 'redirect') {
		throw new Error(`${path} answered ${result.status}: ${result.text.slice(0, 400)}`);
	}
	return parsed;
}

/** The number at the end of a redirect's location (`/accounts/12` → 12). */
const idFrom = (result: { location?: string }) =>
	Number(/(\d+)(?:\?.*)?$/.exec(result.location!)![1]);

async function inputValue(page: Page, path: string, selector: string) {
	await page.goto(path);
	return page.locator(selector).first().inputValue();
}

/** What a document holds that a payload would have made: event-handler attributes, scripts. */
function injectedIn(doc: Document): string[] {
	const found: string[] = [];
	for (const el of Array.from(doc.querySelectorAll('*'))) {
		for (const attr of Array.from(el.attributes)) {
			if (/^on/i.test(attr.name)) found.push(`<${el.tagName.toLowerCase()} ${attr.name}>`);
			const isUrl = /^(href|src|action|formaction|xlink:href)$/i.test(attr.name);
			if (isUrl && /^\s*javascript:/i.test(attr.value)) found.push(`${attr.name}="${attr.value}"`);
		}
	}
	for (const script of Array.from(doc.querySelectorAll('script'))) {
		if (/^\s*window\.__xss/.test(script.textContent ?? '')) found.push('<script> from a payload');
	}
	return found;
}

/** The page's visible text (no scripts) and its form values: where a payload must show as typed. */
function shownText(doc: Document): string {
	const parts: string[] = [doc.title];
	const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const parent = node.parentElement?.tagName;
		if (parent !== 'SCRIPT' && parent !== 'STYLE') parts.push(node.textContent ?? '');
	}
	for (const field of Array.from(doc.querySelectorAll('input, textarea'))) {
		parts.push((field as HTMLInputElement).value);
	}
	return parts.join('\n');
}

/**
 * Opens a page as a user and checks it three ways: the server's HTML parses to no injected
 * handler or script; the hydrated page has none either and never ran a payload; and the
 * payload's text is on the page as typed (`shows`, by default CORE).
 */
async function expectInert(page: Page, path: string, shows: string | null = CORE) {
	const response = await page.goto(path);
	expect(response?.status(), path).toBe(200);
	await page.locator('html[data-hydrated]').waitFor();
	const html = await response!.text();
	const report = await page.evaluate(
		({ html, injectedSrc, shownSrc }) => {
			const injected = new Function(`return ${injectedSrc}`)() as (d: Document) => string[];
			const shown = new Function(`return ${shownSrc}`)() as (d: Document) => string;
			const served = new DOMParser().parseFromString(html, 'text/html');
			return {
				served: injected(served),
				live: injected(document),
				ran: (window as { __xss?: unknown }).__xss ?? null,
				text: shown(document)
			};
		},
		{ html, injectedSrc: injectedIn.toString(), shownSrc: shownText.toString() }
	);
	expect(report.served, `${path} as served`).toEqual([]);
	expect(report.live, `${path} in the browser`).toEqual([]);
	expect(report.ran, `${path} ran a payload`).toBeNull();
	if (shows) expect(report.text, `${path} shows the text as typed`).toContain(shows);
}

const ids = {
	account: 0,
	csm: 0,
	contact: 0,
	objective: 0,
	review: 0,
	heldReview: 0,
	escalation: 0,
	flag: 0,
	template: 0,
	onboarding: 0,
	webhook: 0,
	calendar: 0,
	importId: 0
};
const csmEmail = `xss-csm-${tag}@keel.test`;
const salesEmail = `xss-sales-${tag}@keel.test`;
const PASSWORD = 'stored xss user 2026';

describe('stored XSS payloads', () => {
	it('would be caught by these checks if one became markup (the control)', async () => {
		const context = await browser.newContext({ bypassCSP: true });
		const page = await context.newPage();
		const opened: string[] = [];
		page.on('dialog', (dialog) => {
			opened.push(dialog.message());
			void dialog.dismiss();
		});
		// What an unescaped page would be: the payload written into the HTML as markup.
		await page.setContent(`<main><p>${payload('Control')}</p></main>`);
		await page.waitForFunction(() => (window as { __xss?: unknown }).__xss !== undefined);
		const found = await page.evaluate(
			(src) => (new Function(`return ${src}`)() as (d: Document) => string[])(document),
			injectedIn.toString()
		);
		expect(found).toEqual(
			expect.arrayContaining(['<img onerror>', '<svg onload>', '<script> from a payload'])
		);
		expect(opened).toEqual(['2']);
		await context.close();
	});

	it('are accepted as plain text in every free-text field', async () => {
		const admin = await as(DEMO.admin);
		await admin.goto('/admin/users');
		// The reseller the demo's partner@keel.demo works for, by name, as the users list shows.
		const resellerId = await admin
			.locator('form[action="?/create"] select[name=reseller_id] option', {
				hasText: 'Lowlands Colocation'
			})
			.getAttribute('value');

		// A CSM whose own name is a payload: it shows wherever owners and teams are listed.
		await act(admin, '/admin/users?/create', {
			email: csmEmail,
			name: payload('CSM'),
			role: 'csm',
			reseller_id: '',
			password: PASSWORD
		});
		// A sales user of their own, so the churn list they read holds only this file's flag.
		await act(admin, '/admin/users?/create', {
			email: salesEmail,
			name: payload('Sales'),
			role: 'sales',
			reseller_id: '',
			password: PASSWORD
		});

		// An onboarding template: name, description, phase criteria, an item's title and text.
		const template = await act(admin, '/admin/templates?/create', { name: payload('Template') });
		ids.template = idFrom(template);
		const version = await inputValue(
			admin,
			`/admin/templates/${ids.template}`,
			'form input[name=version]'
		);
		await act(admin, `/admin/templates/${ids.template}?lang=en`, [
			['version', version],
			['name', payload('Template')],
			['description', payload('Template description')],
			...[0, 1, 2].flatMap((i): [string, string][] => [
				[`phase_${i}_target`, '14'],
				[`phase_${i}_entry`, payload(`Entry ${i}`)],
				[`phase_${i}_exit`, payload(`Exit ${i}`)]
			]),
			['item_key', ''],
			['item_title', payload('Template item')],
			['item_phase', '1'],
			['item_owner', 'CSM'],
			['item_offset', '0'],
			['item_description', payload('Template item description')],
			['item_required', '0']
		]);

		// A webhook (kept inactive: nothing is sent) and a support calendar with a holiday.
		const webhook = await act(admin, '/admin/webhooks/new?/save', {
			version: '0',
			url: `https://hooks.example.com/${tag}/"><img src=x onerror="window.__xss=1">`,
			description: payload('Webhook'),
			'event.escalation.p1_opened': 'on',
			locale: 'en'
		});
		ids.webhook = idFrom(webhook);
		const calendar = await act(admin, '/admin/support/calendars/new?/save', {
			version: '0',
			name: short('Cal'),
			time_zone: 'Europe/Amsterdam',
			open_1_1: '09:00',
			close_1_1: '17:00',
			holidays: `${daysFromNow(400)} ${payload('Holiday')}`
		});
		ids.calendar = idFrom(calendar);
		await act(admin, '/settings/tokens?/create', {
			name: short('Token'),
			access: 'read',
			expires_on: ''
		});

		// The manager's account, sold through the partner's reseller so the partner sees it too.
		const manager = await as(DEMO.manager);
		const account = await act(manager, '/accounts/new', {
			name: payload('Account'),
			segment: 'smb',
			region: 'emea',
			time_zone: 'Europe/Amsterdam',
			lifecycle_stage: 'onboarding',
			sales_channel: 'reseller',
			reseller_id: resellerId!,
			support_package: 'standard',
			arr: '1000',
			renewal_date: daysFromNow(500),
			external_id: short('Ext'),
			notes: payload('Notes')
		});
		ids.account = idFrom(account);
		const base = `/accounts/${ids.account}`;

		await manager.goto(base);
		const csmOption = manager.locator('select[name=user_id] option', { hasText: `CSM ${tag}` });
		ids.csm = Number(await csmOption.getAttribute('value'));
		await act(manager, `${base}?/addMember`, { user_id: String(ids.csm), team_role: 'CSM' });
		const salesId = await manager
			.locator('select[name=user_id] option', { hasText: `Sales ${tag}` })
			.getAttribute('value');
		await act(manager, `${base}?/addMember`, { user_id: salesId!, team_role: 'AM' });
		await act(manager, `${base}?/addContact`, {
			// A line break in a name would start a new line in a calendar file, if not escaped.
			name: `${payload('Contact')}\r\nATTENDEE:mailto:evil@example.com`,
			title: payload('Title'),
			email: `contact-${tag}@example.com`,
			phone: 'javascript:window.__xss=1//',
			onboarded_on: today()
		});
		// Posted urlencoded from here, a bare CR arrives as typed (a browser's form sends CRLF).
		const raw = await sessionFor(baseURL, DEMO.manager);
		const contactCr = await postUrlencoded(baseURL, raw, `${base}?/addContact`, {
			name: `Zz Contact CR ${tag}\rATTENDEE:mailto:evil@example.com`,
			title: '',
			email: `contact-cr-${tag}@example.com`,
			phone: '',
			onboarded_on: ''
		});
		expect(contactCr.status).toBe(200);
		await manager.goto(base);
		const contactIds = await manager
			.locator('form[action="?/updateContact"]')
			.evaluateAll((forms) =>
				forms.map((f) => ({
					id: (f.querySelector('input[name=id]') as HTMLInputElement).value,
					name: (f.querySelector('input[name=name]') as HTMLInputElement).value
				}))
			);
		ids.contact = Number(contactIds.find((c) => c.name.startsWith(`Zz Contact ${tag} <`))!.id);
		const contactCrId = contactIds.find((c) => c.name.includes('Contact CR'))!.id;

		// Success plan: an objective and tasks for the CSM due today (My work and its CSV).
		await act(manager, `${base}/plan?/createObjective`, {
			title: payload('Objective'),
			why: payload('Why'),
			criterion_kind: 'outcome',
			metric: '',
			target_value: '',
			outcome: payload('Outcome'),
			owner_user_id: String(ids.csm),
			due_date: daysFromNow(60),
			status: 'at_risk',
			status_reason: payload('Status reason')
		});
		ids.objective = Number(
			await inputValue(manager, `${base}/plan`, 'form[action="?/addTask"] input[name=objective_id]')
		);
		for (const title of [payload('Task'), ...FORMULAS]) {
			await act(manager, `${base}/plan?/addTask`, {
				objective_id: String(ids.objective),
				title,
				owner_user_id: String(ids.csm),
				due_date: today()
			});
		}

		// Business reviews: one held two days ago (notes, decisions, a follow-up for the CSM) and
		// one ahead (title, place, agenda, attendees: its calendar file is checked below).
		const held = await act(manager, `${base}/reviews?/schedule`, {
			kind: 'cbr',
			title: payload('Held review'),
			date: daysFromNow(-2),
			time: '10:00',
			duration_minutes: '60',
			location: payload('Location'),
			agenda: payload('Agenda'),
			[`attendee:contact:${ids.contact}`]: 'on'
		});
		ids.heldReview = idFrom(held);
		const heldPath = `${base}/reviews/${ids.heldReview}`;
		await act(manager, `${heldPath}?/hold`, {
			version: await inputValue(manager, heldPath, 'form[action="?/hold"] input[name=version]'),
			notes: payload('Review notes'),
			decisions: payload('Decisions')
		});
		await act(manager, `${heldPath}?/action`, {
			title: payload('Follow-up'),
			owner_id: String(ids.csm),
			due_date: today()
		});
		const ahead = await postUrlencoded(baseURL, raw, `${base}/reviews?/schedule`, {
			kind: 'qbr',
			title: payload('Review ahead'),
			date: daysFromNow(300),
			time: '10:00',
			duration_minutes: '60',
			location: `${payload('Place')}\rLOCATION:evil`,
			agenda: payload('Agenda ahead'),
			[`attendee:contact:${ids.contact}`]: 'on',
			[`attendee:contact:${contactCrId}`]: 'on',
			[`attendee:user:${ids.csm}`]: 'on'
		});
		expect(ahead.status).toBe(303);
		ids.review = idFrom({ location: ahead.headers.location });

		// An escalation for the CSM, with a comment, a priority change and a post-mortem.
		const escalation = await act(manager, `${base}/escalations?/open`, {
			title: payload('Escalation'),
			description: payload('Description'),
			priority: 'P4',
			category: 'access',
			external_ref: 'javascript:window.__xss=1//"><svg onload="alert(1)">',
			reported_via: 'email',
			contact_id: String(ids.contact),
			owner_id: String(ids.csm),
			routed_to: ''
		});
		ids.escalation = idFrom(escalation);
		const escPath = `/escalations/${ids.escalation}`;
		await act(manager, `${escPath}?/comment`, { body: payload('Comment') });
		await act(manager, `${escPath}?/priority`, {
			version: await inputValue(manager, escPath, 'form[action="?/priority"] input[name=version]'),
			priority: 'P3',
			reason: payload('Priority reason')
		});
		await act(manager, `${escPath}?/status`, {
			version: await inputValue(manager, escPath, 'form[action="?/status"] input[name=version]'),
			status: 'acknowledged',
			note: payload('Status note')
		});
		await act(manager, `${escPath}?/postmortem`, {
			version: '0',
			root_cause: payload('Root cause'),
			summary: payload('Summary')
		});
		await act(manager, `${escPath}?/action`, {
			title: payload('Corrective action'),
			owner_id: String(ids.csm),
			due_date: today()
		});

		// Feedback: a comment with free tags, and a formula for the CSV.
		for (const comment of [payload('Feedback'), FORMULAS[0]!]) {
			await act(manager, `${base}/feedback?/capture`, {
				kind: 'comment',
				score: '',
				received_on: today(),
				source: 'email',
				contact_id: String(ids.contact),
				review_id: '',
				comment,
				tags: `<b>${tag}</b>, "><i>x`,
				routed_team: '',
				status: 'new'
			});
		}

		// A churn flag with a next step, a mitigation note and a status reason.
		await act(manager, `${base}/risks?/raise`, {
			summary: payload('Flag'),
			reason: 'competitor',
			severity: 'low',
			arr_at_risk: '0',
			next_step: payload('Next step'),
			next_step_owner_id: String(ids.csm),
			next_step_due: today()
		});
		ids.flag = Number(
			await inputValue(manager, `${base}/risks`, 'form[action="?/mitigation"] input[name=id]')
		);
		await act(manager, `${base}/risks?/mitigation`, {
			id: String(ids.flag),
			body: payload('Mitigation')
		});
		await act(manager, `${base}/risks?/status`, {
			id: String(ids.flag),
			version: await inputValue(
				manager,
				`${base}/risks`,
				'form[action="?/status"] input[name=version]'
			),
			status: 'mitigating',
			status_reason: payload('Flag status')
		});

		// A health judgement with its reason.
		await act(manager, `${base}/health?/judge`, {
			version: '',
			band: 'yellow',
			reason: payload('Judgement'),
			expires_on: daysFromNow(30)
		});

		// Onboarding from the template above: its items, criteria and texts come with it.
		await manager.goto(`${base}/onboarding`);
		const templateVersion = await manager
			.getByRole('radio', { name: new RegExp(`Template ${tag}`) })
			.inputValue();
		await act(manager, `${base}/onboarding?/start`, {
			template_version_id: templateVersion,
			start_date: today(),
			target_go_live: daysFromNow(90),
			skip_reason: ''
		});
		const onboarding = `${base}/onboarding`;
		ids.onboarding = Number(
			await inputValue(manager, onboarding, 'form[action="?/kickoff"] input[name=onboarding_id]')
		);
		const item = manager.locator('form[action="?/editItem"]').first();
		await act(manager, `${onboarding}?/editItem`, {
			id: await item.locator('input[name=id]').inputValue(),
			version: await item.locator('input[name=version]').inputValue(),
			due_date: today(),
			owner_user_id: String(ids.csm),
			notes: payload('Item notes')
		});
		await act(manager, `${onboarding}?/addItem`, {
			onboarding_id: String(ids.onboarding),
			phase: '2',
			title: payload('Added item'),
			description: payload('Added item description'),
			due_date: daysFromNow(10),
			owner_user_id: ''
		});
		const added = manager.locator('form[action="?/skip"]').last();
		await manager.goto(onboarding);
		await act(manager, `${onboarding}?/skip`, {
			id: await added.locator('input[name=id]').inputValue(),
			version: await added.locator('input[name=version]').inputValue(),
			reason: payload('Skip reason')
		});
		const kickoff = await postUrlencoded(baseURL, raw, `${onboarding}?/kickoff`, {
			onboarding_id: String(ids.onboarding),
			version: '',
			date: daysFromNow(7),
			time: '10:00',
			duration_minutes: '60',
			location: `${payload('Kick-off place')}\rLOCATION:evil`,
			attendees: `contact:${contactCrId}`,
			agenda: payload('Kick-off agenda'),
			notes: payload('Kick-off notes')
		});
		expect(kickoff.status).toBe(200);

		// An import whose file name and cells are payloads; one cell is a formula and invalid, so
		// it lands in the problem report (CSV).
		const csv =
			'Account name;Segment;Region;Time zone;Stage;Channel;Package;ARR\r\n' +
			`${payload('Imported')};smb;emea;Europe/Amsterdam;adoption;direct;standard;1000\r\n` +
			`Zz Import ${tag};${FORMULAS[0]};emea;Europe/Amsterdam;adoption;direct;standard;1000\r\n`;
		const upload = await act(manager, '/imports?/create', {
			kind: 'accounts',
			source: short('Source'),
			filename: '',
			file: { file: csv, name: `Zz ${tag} <img src=x onerror=alert(1)>.csv`, type: 'text/csv' }
		});
		ids.importId = idFrom(upload);
		await manager.goto(`/imports/${ids.importId}`);
		await manager.locator('html[data-hydrated]').waitFor();
		await manager.getByRole('button', { name: 'Check all rows' }).click();
		await manager.getByRole('alert').waitFor();
	});

	// One browser per role, all at once: each role's pages are read-only but for its own note.
	describe.concurrent('then, for each role that reads them,', () => {
		beforeAll(async () => {
			for (const [email, password] of [
				[DEMO.manager, DEMO_PASSWORD],
				[DEMO.admin, DEMO_PASSWORD],
				[DEMO.partner, DEMO_PASSWORD],
				[csmEmail, PASSWORD],
				[salesEmail, PASSWORD]
			] as const) {
				await as(email, password);
			}
		});

		it('render as text for the manager, on every page that shows them', async () => {
			const manager = await as(DEMO.manager);
			const base = `/accounts/${ids.account}`;
			await manager.goto(`${base}/feedback`);
			const feedbackHref = await manager
				.locator(`a[href^="${base}/feedback/"]`)
				.evaluateAll((links) =>
					links.map((a) => a.getAttribute('href')!).find((h) => /\/feedback\/\d+$/.test(h))
				);
			const pages = [
				`/accounts?q=${encodeURIComponent(`Zz Account ${tag}`)}`,
				base,
				`${base}/edit`,
				`${base}/plan`,
				`${base}/plan/print`,
				`${base}/reviews`,
				`${base}/reviews/${ids.heldReview}`,
				`${base}/reviews/${ids.heldReview}/print`,
				`${base}/reviews/${ids.review}`,
				`${base}/escalations`,
				`/escalations/${ids.escalation}`,
				`/escalations?state=all&owner=${ids.csm}`,
				`/escalations/postmortems?q=${tag}`,
				`${base}/feedback`,
				feedbackHref!,
				`${base}/risks`,
				`/risks?csm=${ids.csm}`,
				`${base}/health`,
				`${base}/onboarding`,
				`/onboarding?csm=${ids.csm}`,
				`/reviews?csm=${ids.csm}`,
				`/health?csm=${ids.csm}`,
				`${base}/adoption`,
				`/imports/${ids.importId}`
			];
			for (const path of pages) await expectInert(manager, path);
		});

		it('render as text for the CSM', async () => {
			const base = `/accounts/${ids.account}`;
			const csm = await as(csmEmail, PASSWORD);
			await act(csm, `/escalations/${ids.escalation}?/comment`, { body: payload('CSM comment') });
			for (const path of [
				'/my-work',
				'/notifications',
				`/accounts?csm=${ids.csm}`,
				base,
				`${base}/onboarding`,
				`${base}/plan`,
				`/escalations/${ids.escalation}`,
				`/escalations?owner=${ids.csm}`,
				'/reviews'
			]) {
				await expectInert(csm, path);
			}
		});

		it('render as text for sales', async () => {
			const base = `/accounts/${ids.account}`;
			const sales = await as(salesEmail, PASSWORD);
			await act(sales, `${base}/risks?/comment`, {
				id: String(ids.flag),
				body: payload('Sales note')
			});
			for (const path of ['/risks', `${base}/risks`, base]) await expectInert(sales, path);
		});

		it('render as text for the reseller’s partner', async () => {
			const base = `/accounts/${ids.account}`;
			const partner = await as(DEMO.partner);
			for (const path of [base, `${base}/onboarding`, `${base}/escalations`, `${base}/plan`]) {
				await expectInert(partner, path);
			}
		});

		it('render as text for the admin: users, templates, webhooks, calendars, tokens', async () => {
			const admin = await as(DEMO.admin);
			for (const path of [
				'/admin/users',
				'/admin/templates',
				`/admin/templates/${ids.template}`,
				'/admin/webhooks',
				`/admin/webhooks/${ids.webhook}`,
				'/admin/support',
				`/admin/support/calendars/${ids.calendar}`,
				'/settings/tokens'
			]) {
				await expectInert(admin, path);
			}
		});

		it('are neutralised in CSV exports: a cell a spreadsheet would run starts with an apostrophe', async () => {
			const csm = await as(csmEmail, PASSWORD);
			const manager = await as(DEMO.manager);
			const download = async (page: Page, path: string) => {
				const response = await page.request.get(path);
				expect(response.status(), path).toBe(200);
				const text = await response.text();
				expect(text.startsWith('\uFEFF'), path).toBe(true);
				return parseCsv(text.slice(1));
			};
			const files = {
				myWork: await download(csm, '/my-work/export.csv'),
				feedback: await download(manager, `/accounts/${ids.account}/feedback/export.csv`),
				problems: await download(manager, `/imports/${ids.importId}/errors.csv`),
				risks: await download(manager, `/risks/export.csv?csm=${ids.csm}`)
			};
			const cells = Object.values(files).flat(2);
			for (const formula of FORMULAS) expect(cells).toContain(`'${formula}`);
			// The task titles, as My work lists them, each in its own cell.
			const titles = files.myWork.map((row) => row[1]);
			expect(titles).toEqual(expect.arrayContaining(FORMULAS.map((f) => `'${f}`)));
			expect(titles).toContain(payload('Task'));
			// No cell anywhere still starts like a formula (a plain negative number is a number).
			const live = cells.filter((c) => /^[=+@\t\r]/.test(c) || /^-(?!\d+(\.\d+)?$)/.test(c));
			expect(live).toEqual([]);
		});

		it('stay inside their property in calendar files (a line break cannot start a new line)', async () => {
			const manager = await as(DEMO.manager);
			const base = `/accounts/${ids.account}`;
			for (const path of [
				`${base}/reviews/${ids.review}/review.ics`,
				`${base}/onboarding/${ids.onboarding}/kickoff.ics`
			]) {
				const response = await manager.request.get(path);
				expect(response.status(), path).toBe(200);
				const text = await response.text();
				// Content lines end with CRLF; a bare CR or LF inside one is an injected line break.
				expect(text.replace(/\r\n/g, ''), path).not.toMatch(/[\r\n]/);
				const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
				const names = lines.map((line) => /^[A-Z-]+/.exec(line)?.[0]);
				expect(
					names.filter((n) => n === 'LOCATION'),
					path
				).toEqual(['LOCATION']);
				expect(
					lines.filter((l) => l.startsWith('ATTENDEE:')),
					path
				).toEqual([]);
				// The injected text is still there, inside the value it was typed into.
				const location = lines.find((l) => l.startsWith('LOCATION:'))!;
				expect(location, path).toContain('\\nLOCATION:evil');
				expect(location, path).toContain(CORE.replace(/[;,]/g, '\\$&'));
				expect(text, path).toContain(`CN="Zz Contact CR ${tag} ATTENDEE:mailto:evil@example.com"`);
			}
		});
	});

	it('never opened a dialog', () => {
		expect(dialogs).toEqual([]);
	});
});
