import { describe, expect, it } from 'vitest';
import { settledLine } from './supplyWords';

const METIS = 10n ** 18n;
const root = '0x' + '1'.repeat(64);

describe('what L1 settled, beside the honest chain', () => {
	it.each([
		[{ batch: null, stateRoot: root, honest: true, unbackedMetis: '0' }, { tone: 'none', text: 'L1 has settled no batch yet', detail: null }],
		[{ batch: 4, stateRoot: root, honest: true, unbackedMetis: '0' }, { tone: 'honest', text: 'L1 settled the honest chain, up to batch 4', detail: null }],
		[
			{ batch: 19, stateRoot: root, honest: false, unbackedMetis: (1000n * METIS).toString() },
			{ tone: 'fraud', text: 'L1 accepted +1,000 METIS that no transaction created', detail: 'batch 19 settled with a wrong root; the buckets above count the honest chain' }
		],
		[
			{ batch: 2, stateRoot: root, honest: false, unbackedMetis: (-5n * METIS).toString() },
			{ tone: 'fraud', text: 'L1 accepted a state missing 5 METIS that no transaction spent', detail: 'batch 2 settled with a wrong root; the buckets above count the honest chain' }
		],
		[
			{ batch: 2, stateRoot: root, honest: false, unbackedMetis: '0' },
			{ tone: 'fraud', text: 'L1 settled a state root that is not the honest chain’s', detail: 'batch 2 settled with a wrong root; the buckets above count the honest chain' }
		]
	])('%j', (accepted, line) => {
		expect(settledLine(accepted)).toEqual(line);
	});
});
