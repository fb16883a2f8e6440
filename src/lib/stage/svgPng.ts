/** SVG text drawn on a canvas and encoded as PNG, all in the browser (the stage picture and the badge). */
import { m } from '$lib/paraglide/messages.js';

/** The SVG text drawn `width` × `height` pixels as a PNG; `over` may draw more on top (the stage's particles). */
export async function svgPng(text: string, width: number, height: number, over?: (ctx: CanvasRenderingContext2D) => void): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
	try {
		const image = new Image(width, height);
		image.src = url;
		await image.decode();
		const canvas = document.createElement('canvas');
		canvas.width = width;
		canvas.height = height;
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error(m.ui_picture_no_canvas());
		ctx.drawImage(image, 0, 0, width, height);
		over?.(ctx);
		return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(m.ui_picture_not_encoded()))), 'image/png'));
	} finally {
		URL.revokeObjectURL(url);
	}
}
