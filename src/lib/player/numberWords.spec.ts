import { describe, expect, it } from 'vitest';
import { parseMetis } from '$lib/sim/units';
import { formatDuration, metisAmount, metisText } from './numberWords';

describe('numbers in words', () => {
	it.each([
		['10000000.0042', '10,000,000'],
		['3000.4', '3,000'],
		['999.996', '1,000'],
		['12.3456', '12.35'],
		['1', '1'],
		['0.999999', '1'],
		['0.018912', '0.0189'],
		['0.000761', '0.000761'],
		['0.00076149', '0.000761'],
		['0', '0']
	])('%s METIS reads %s', (metis, text) => expect(metisAmount(parseMetis(metis)!)).toBe(text));

	it('keeps the sign, takes decimal strings in wei, and names the unit', () => {
		expect(metisAmount(-parseMetis('1500.5')!)).toBe('-1,501');
		expect(metisText((3000n * 10n ** 18n).toString())).toBe('3,000 METIS');
	});

	it.each([
		[7 * 86_400_000, '7 days'],
		[1.5 * 86_400_000, '1.5 days'],
		[4 * 3_600_000, '4 h'],
		[768_000, '12.8 min'],
		[24_000, '24 s']
	])('%d ms reads %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
