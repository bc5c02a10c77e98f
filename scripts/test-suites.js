// `npm test` after the unit tests: the integration suites and the browser suite side by side.
// The integration run keeps about one core busy and the browser run mostly waits on Chromium
// and the built server, so on a 2-core machine running them together takes about as long as the
// longer one instead of both in turn. Each line is prefixed with its suite; the exit code is
// the first failure's.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Runs an npm script, prefixing its output; resolves with its exit code. */
function run(name, script) {
	return new Promise((resolve) => {
		const child = spawn('npm', ['run', '--silent', script], {
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' }
		});
		for (const stream of [child.stdout, child.stderr]) {
			createInterface({ input: stream }).on('line', (line) => console.log(`[${name}] ${line}`));
		}
		child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
	});
}

const codes = await Promise.all([run('integration', 'test:integration'), run('e2e', 'test:e2e')]);
const failed = codes.find((code) => code !== 0);
if (failed !== undefined) {
	console.error(`[test] a suite failed (integration ${codes[0]}, e2e ${codes[1]})`);
	process.exit(failed);
}
