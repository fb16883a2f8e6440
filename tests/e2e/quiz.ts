/** Quiz helpers shared by the course's and the embedded module's tests. */
import { expect, type Page } from '@playwright/test';

/** Answers every question on the page, trying options in order until each is right; returns how many wrong answers showed an explanation. */
export async function answerAll(page: Pick<Page, 'getByTestId'>, { firstRight = false } = {}): Promise<number> {
	let explained = 0;
	const questions = page.getByTestId('question');
	const count = await questions.count();
	for (let q = 0; q < count; q++) {
		const question = questions.nth(q);
		const options = question.getByRole('radio');
		const n = await options.count();
		for (let i = 0; i < n; i++) {
			await options.nth(i).check();
			await question.getByRole('button', { name: 'Check' }).click();
			const feedback = question.getByTestId('question-feedback');
			await expect(feedback).not.toBeEmpty();
			if ((await feedback.textContent())?.includes('Right.')) break;
			await expect(feedback).toContainText('Not quite.');
			expect(((await feedback.locator('.why').textContent()) ?? '').trim().length).toBeGreaterThan(10);
			explained++;
			if (firstRight) throw new Error('expected the first option to be right');
		}
	}
	return explained;
}
