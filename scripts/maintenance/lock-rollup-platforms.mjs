// The registry these machines reach serves only rollup's Linux binaries, so `npm install` writes
// a lock without rollup's other optional platform packages, and `npm ci` then refuses that lock.
// This adds those entries back (optional, with os/cpu/libc), as npm writes them elsewhere: npm
// skips them on other platforms without fetching. Run after changing dependencies:
//   node scripts/maintenance/lock-rollup-platforms.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const lockPath = new URL('../../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const rollup = lock.packages['node_modules/rollup'];
const CPU = {
	arm: 'arm',
	arm64: 'arm64',
	x64: 'x64',
	ia32: 'ia32',
	loong64: 'loong64',
	ppc64: 'ppc64',
	riscv64: 'riscv64',
	s390x: 's390x'
};
let added = 0;
for (const [name, version] of Object.entries(rollup?.optionalDependencies ?? {})) {
	const key = `node_modules/${name}`;
	if (!name.startsWith('@rollup/rollup-') || lock.packages[key]) continue;
	const [os, arch, abi = ''] = name.replace('@rollup/rollup-', '').split('-');
	const entry = { version, cpu: [CPU[arch]], dev: true, license: 'MIT', optional: true, os: [os] };
	if (os === 'linux') entry.libc = [abi.startsWith('musl') ? 'musl' : 'glibc'];
	lock.packages[key] = entry;
	added++;
}
lock.packages = Object.fromEntries(
	Object.entries(lock.packages).sort(([a], [b]) =>
		a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)
	)
);
writeFileSync(lockPath, JSON.stringify(lock, null, '\t') + '\n');
console.log(`added ${added} rollup platform entries`);
