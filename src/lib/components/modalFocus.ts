/** A modal <dialog>'s focus: it remembers what had focus when it opened and gives focus back when it closes. */

/** Opens and closes one modal dialog, keeping focus where a keyboard user expects it. */
export class ModalFocus {
	private returnTo: HTMLElement | SVGElement | null = null;

	/** Follows `open`: shows the dialog modally (focusing `first`) or closes it; `onopen` runs as it opens. */
	sync(dialog: HTMLDialogElement | undefined, open: boolean, first: () => HTMLElement | null | undefined, onopen?: () => void): void {
		if (!dialog) return;
		if (open && !dialog.open) {
			const active = document.activeElement;
			// An SVG node (a sequencer on the stage) can open a dialog too.
			this.returnTo = active instanceof HTMLElement || active instanceof SVGElement ? active : null;
			onopen?.();
			dialog.showModal();
			first()?.focus();
		} else if (!open && dialog.open) dialog.close();
	}

	/** The dialog closed: focus goes back to what opened it, if it is still on the page. */
	closed(): void {
		if (this.returnTo?.isConnected) this.returnTo.focus();
		this.returnTo = null;
	}
}
