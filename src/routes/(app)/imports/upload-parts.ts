/** What went wrong with an upload, as a message key for the form. */
export interface UploadFailure {
	key: string;
	params?: Record<string, string | number>;
}

/**
 * Sends `file` to an import in parts of `partBytes`, one request at a time and in order, each
 * cut wherever it falls (the server carries a row or character cut in two over to the next part).
 * The browser reads one part of the file at a time, and so does the server. Resolves to null once
 * the last part is staged, or to what went wrong.
 */
export async function uploadInParts(
	importId: number,
	file: Blob,
	partBytes: number,
	onProgress: (sentBytes: number) => void
): Promise<UploadFailure | null> {
	let offset = 0;
	do {
		const end = Math.min(offset + partBytes, file.size);
		const final = end >= file.size;
		let response: Response;
		try {
			response = await fetch(`/imports/${importId}/file?offset=${offset}&final=${final ? 1 : 0}`, {
				method: 'PUT',
				// A type the server reads as the raw file; see the endpoint for why this one.
				headers: { 'content-type': 'text/csv' },
				body: file.slice(offset, end)
			});
		} catch {
			return { key: 'import.error.uploadFailed' };
		}
		if (!response.ok) {
			const body = (await response.json().catch(() => null)) as { error?: UploadFailure } | null;
			return body?.error ?? { key: 'import.error.uploadFailed' };
		}
		offset = end;
		onProgress(offset);
	} while (offset < file.size);
	return null;
}
