/**
 * A same-site path to send the user back to, or `fallback`. Refuses absolute URLs and the
 * protocol-relative forms browsers follow off-site (`//host`, `/\host`): no open redirects.
 */
export function safePath(raw: string | null | undefined, fallback: string): string {
	if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\'))
		return fallback;
	return raw;
}
