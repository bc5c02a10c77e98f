// `npm start`: serves the built app. adapter-node needs ORIGIN for its CSRF check (without it,
// every form POST over plain http is refused), so default it to the local address.
const port = process.env.PORT || '3000';
process.env.PORT = port;
process.env.ORIGIN ||= `http://localhost:${port}`;
process.env.BODY_SIZE_LIMIT ||= '10M';

console.log(
	`[keel] starting on ${process.env.ORIGIN} with ${
		process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'the embedded database'
	}`
);
await import('../build/index.js');
