/**
 * A box that scrolls sideways (a wide table, a code sample) hides part of its content from
 * anyone who cannot use a mouse or a touch screen unless it can take the keyboard focus: then
 * the arrow keys scroll it (WCAG 2.1.1, axe's `scrollable-region-focusable`). Whichever such box
 * overflows at the current width becomes a named, focusable region; the others stay out of the
 * tab order, so a table that fits costs keyboard users no extra stop. The page is watched, so
 * tables that arrive with a navigation or a form result are covered too.
 */
const SCROLLERS = '.table-wrap, pre';
const MARK = 'data-scroll-region';

/** Watches `root` until the returned function is called; `label` names a box that overflows. */
export function keyboardScrollRegions(
	root: HTMLElement,
	label: (name: string | null) => string
): () => void {
	const update = () => {
		for (const box of root.querySelectorAll<HTMLElement>(SCROLLERS)) {
			const overflows = box.scrollWidth > box.clientWidth + 1;
			const marked = box.hasAttribute(MARK);
			if (overflows && !marked && !box.hasAttribute('tabindex')) {
				box.setAttribute(MARK, '');
				box.tabIndex = 0;
				box.setAttribute('role', 'region');
				box.setAttribute('aria-label', label(nameOf(box)));
			} else if (!overflows && marked) {
				box.removeAttribute(MARK);
				for (const attribute of ['tabindex', 'role', 'aria-label']) box.removeAttribute(attribute);
			}
		}
	};
	// Resizes are batched per frame by the observer; content changes wait for the next frame.
	let frame = 0;
	const later = () => {
		if (frame === 0) frame = requestAnimationFrame(() => ((frame = 0), update()));
	};
	const sizes = new ResizeObserver(update);
	const content = new MutationObserver(later);
	sizes.observe(root);
	content.observe(root, { childList: true, subtree: true, characterData: true });
	// Opening a <details> shows a box without changing the tree; `toggle` does not bubble.
	root.addEventListener('toggle', later, true);
	// No first pass here: the size observer reports once after the first layout, so reading
	// the boxes' widths then forces no extra layout.
	return () => {
		cancelAnimationFrame(frame);
		root.removeEventListener('toggle', later, true);
		sizes.disconnect();
		content.disconnect();
	};
}

/** What the box holds, in words: its table's name, or the heading of the section around it. */
function nameOf(box: HTMLElement): string | null {
	const table = box.querySelector('table');
	const named =
		table?.getAttribute('aria-label') ??
		textOf(table?.getAttribute('aria-labelledby')) ??
		table?.querySelector('caption')?.textContent ??
		textOf(box.closest('[aria-labelledby]')?.getAttribute('aria-labelledby'));
	return named?.trim().replace(/\s+/g, ' ') || null;
}

function textOf(ids: string | null | undefined): string | null {
	if (!ids) return null;
	const parts = ids.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '');
	return parts.join(' ').trim() || null;
}
