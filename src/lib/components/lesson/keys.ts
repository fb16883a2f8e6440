/** Which key presses belong to the control that has focus, not to the page's own step keys. */

/** Whether arrows pressed here belong to the focused control (a field, a slider, a radio group, a menu, the stage, a dialog). */
export function ownsArrows(target: EventTarget | null): boolean {
	return target instanceof Element && !!target.closest('input, select, textarea, [contenteditable], [role="radio"], [role="menu"], [role="menuitem"], [role="slider"], [role="listbox"], svg, dialog, details[open] > summary');
}

/** Whether Enter pressed here is the page's (nothing in particular has focus). */
export function enterIsPages(target: EventTarget | null): boolean {
	return !(target instanceof Element) || target === document.body || target.id === 'main' || target.classList.contains('words');
}
