/**
 * Benchmarks (figures, never assertions): `npm run bench` prints a table, `npm run bench -- --json`
 * prints one JSON object. Each figure is set against the raw @noble/curves cost of the same
 * cryptography measured in the same process, so the ratios hold on a noisy machine.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { blsAggregate, blsKeygen, blsSign, BLS_SIG_DST } from '../src/lib/chain/bls';
import { fromHex, keccak, toHex } from '../src/lib/chain/hex';
import { deriveSecret } from '../src/lib/chain/keys';
import { signingRoot, type BatchHeader } from '../src/lib/chain/batch';
import { cryptoStats, resetCryptoStats } from '../src/lib/chain/stats';
import { RollupInbox } from '../src/lib/sim/l1/rollupInbox';
import { createWorld, parseScenarioText } from '../src/lib/sim';
import { DAY, HOUR, METIS } from '../src/lib/sim/units';
import { scenarioNames, scenarioText } from './scenarios';
import type { Hex } from 'viem';
import { DEX_ADDRESS, encodeSwap } from '../src/lib/chain/calls';
import { SWAP_GAS, TRANSFER_GAS } from '../src/lib/chain/execute';
import { addressOf, secpSecretKey } from '../src/lib/chain/keys';
import { L2State } from '../src/lib/chain/state';
import { fabricateRoots } from '../src/lib/chain/trace';
import { signTx } from '../src/lib/chain/tx';
import { playDispute } from '../src/lib/sim/dispute/playDispute';
import { parseDuration } from '../src/lib/sim/units';
import { isKeyEvent, storyFor } from '../src/lib/player/keyEvents';
import { scenarioEventsOf } from '../src/lib/player/story';
import { MomentSearch, seekKnownMoment } from '../src/lib/player/worker/jump';
import { Scout } from '../src/lib/player/worker/scout';

const sigs = bls12_381.longSignatures;
const now = () => performance.now();
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function loadScenario(name: string) {
	const parsed = parseScenarioText(scenarioText(name) ?? '');
	if (!parsed.ok) throw new Error(`scenario ${name} is invalid`);
	return parsed.scenario;
}

/** 21 signers: our pipeline (as the simulation runs it) against raw noble for the same operations. */
function batch21(rounds: number) {
	const keys = Array.from({ length: 21 }, (_, i) => blsKeygen(deriveSecret({ seed: 'bench', label: 'bls', index: i })));
	const members = keys.map((k, i) => ({ id: `seq-${String(i).padStart(2, '0')}`, stake: 20_000n * METIS, blsPublicKey: toHex(k.publicKey) }));
	const header = (i: number): BatchHeader => ({
		chainId: 59902,
		batchIndex: 0,
		prevStateRoot: toHex(keccak(new TextEncoder().encode(`prev${i}`))),
		stateRoot: toHex(keccak(new TextEncoder().encode(`state${i}`))),
		txRoot: toHex(keccak(new TextEncoder().encode(`txs${i}`)))
	});
	const pipeline = (i: number) => {
		const h = header(i);
		const message = fromHex(signingRoot(h));
		const signatures = keys.map((k) => blsSign(k.secretKey, message));
		const aggregate = toHex(blsAggregate(signatures));
		const inbox = new RollupInbox({ chainId: 59902, quorum: { by: 'count', numerator: 2, denominator: 3, strict: false }, genesisStateRoot: h.prevStateRoot });
		const result = inbox.submitBatch({ header: h, signers: members.map((m) => m.id), aggregateSignature: aggregate, epoch: 0, activeSet: members, currentEpoch: 0, now: 12_000, l1Block: 1 });
		if (!result.ok) throw new Error(`pipeline batch refused: ${result.error}`);
	};
	const publicPoints = keys.map((k) => bls12_381.G1.Point.fromBytes(k.publicKey));
	const raw = (i: number) => {
		const hashed = sigs.hash(keccak(new TextEncoder().encode(`raw${i}`)), BLS_SIG_DST);
		const points = keys.map((k) => sigs.sign(hashed, k.secretKey));
		const aggregate = sigs.aggregateSignatures(points);
		if (!sigs.verify(aggregate, hashed, sigs.aggregatePublicKeys(publicPoints))) throw new Error('raw verify failed');
	};
	pipeline(-1);
	raw(-1);
	const p: number[] = [];
	const r: number[] = [];
	for (let i = 0; i < rounds; i++) {
		let t = now();
		pipeline(i);
		p.push(now() - t);
		t = now();
		raw(i);
		r.push(now() - t);
	}
	const pipelineMs = median(p);
	const cryptoFloorMs = median(r);
	return { pipelineMs: round(pipelineMs), cryptoFloorMs: round(cryptoFloorMs), ratio: round(pipelineMs / cryptoFloorMs, 2), rounds };
}

/** Times raw noble operations on fresh inputs; accumulates into `acc` (ms and counts per operation). */
function sampleRawOps(acc: Record<string, { ms: number; n: number }>, round: number, secp = 20, bls = 1): void {
	const add = (k: string, ms: number, n: number) => {
		acc[k] ??= { ms: 0, n: 0 };
		acc[k].ms += ms;
		acc[k].n += n;
	};
	const sk = secp256k1.utils.randomSecretKey();
	const digests = Array.from({ length: secp }, (_, i) => keccak(new TextEncoder().encode(`d${round}:${i}`)));
	let t = now();
	const signed = digests.map((d) => secp256k1.sign(d, sk, { prehash: false, format: 'recovered' }));
	add('secpSign', now() - t, secp);
	t = now();
	signed.forEach((s, i) => secp256k1.Signature.fromBytes(s, 'recovered').recoverPublicKey(digests[i]));
	add('secpRecover', now() - t, secp);
	const key = blsKeygen(deriveSecret({ seed: 'floor', label: 'bls', index: round }));
	const pk = bls12_381.G1.Point.fromBytes(key.publicKey);
	for (let i = 0; i < bls; i++) {
		t = now();
		const hashed = sigs.hash(digests[i], BLS_SIG_DST);
		add('hashToCurve', now() - t, 1);
		t = now();
		const sig = sigs.sign(hashed, key.secretKey);
		add('blsSign', now() - t, 1);
		t = now();
		sigs.verify(sig, hashed, pk);
		add('blsVerify', now() - t, 1);
	}
}

/** The raw noble cost of the operations a run needed, at the per-op times sampled alongside it. */
function cryptoFloor(counts: typeof cryptoStats, acc: Record<string, { ms: number; n: number }>): { floorMs: number; perOp: Record<string, number> } {
	const per = (k: string) => acc[k].ms / acc[k].n;
	const floorMs =
		counts.secpSign * per('secpSign') +
		counts.secpRecover * per('secpRecover') +
		counts.hashToCurve * per('hashToCurve') +
		counts.blsSign * per('blsSign') +
		(counts.blsAggregateVerify + counts.blsPopVerify + counts.blsVerify) * per('blsVerify');
	return { floorMs, perOp: Object.fromEntries(Object.keys(acc).map((k) => [k, round(per(k), 3)])) };
}

/**
 * One simulated hour of the demo world (7 sequencers, 20 validators, 200 users, 5 tx/s, hybrid),
 * run in 5-minute slices; between slices (outside the timing) raw noble operations are sampled, so
 * the floor is measured under the same machine conditions as the run.
 */
function demoHour() {
	const scenario = loadScenario('demo');
	const acc: Record<string, { ms: number; n: number }> = {};
	resetCryptoStats();
	let wallMs = 0;
	let t = now();
	const world = createWorld({ seed: 2026, scenario, finality: 'hybrid', params: { txPerSecond: 5, trafficUntilMs: HOUR } });
	wallMs += now() - t;
	const counts = { ...cryptoStats };
	for (let slice = 1; slice <= 12; slice++) {
		resetCryptoStats();
		t = now();
		world.runUntil((slice * HOUR) / 12);
		wallMs += now() - t;
		for (const k of Object.keys(counts) as (keyof typeof counts)[]) counts[k] += cryptoStats[k];
		sampleRawOps(acc, slice, 40, 2);
	}
	const floor = cryptoFloor(counts, acc);
	const txs = world.events.filter((e) => e.type === 'finality.soft').length;
	return {
		wallMs: Math.round(wallMs),
		cryptoFloorMs: Math.round(floor.floorMs),
		ratio: round(wallMs / floor.floorMs, 2),
		simSecondsPerWallSecond: round(HOUR / wallMs, 1),
		txs,
		batches: world.snapshot().batches.length,
		events: world.events.length,
		cryptoOps: counts,
		rawPerOpMs: floor.perOp
	};
}

/** Fast-forward through a 7-day window with nothing but settlements due. */
function idleWeek() {
	const scenario = loadScenario('happy-path');
	const world = createWorld({ seed: 3, scenario, finality: 'optimistic', params: { trafficUntilMs: 2 * 60_000 } });
	world.runUntil(HOUR);
	const pending = world.snapshot().batches.filter((b) => b.status === 'posted').length;
	const t = now();
	world.runUntil(HOUR + 7 * DAY + 1);
	const wallMs = now() - t;
	const settled = world.snapshot().batches.filter((b) => b.status === 'settled').length;
	return { wallMs: round(wallMs, 2), settledBatches: settled, pendingBefore: pending };
}

/**
 * A full optimistic bisection over a 1,000-transaction batch whose last transaction was tampered
 * with: both parties compute their roots, the game narrows to one step, L1 executes it. "cold"
 * includes recovering the 1,000 senders' signatures; "warm" has them cached.
 */
function bisection1000() {
	const E18 = 10n ** 18n;
	const GWEI = 10n ** 9n;
	const keys = Array.from({ length: 100 }, (_, index) => secpSecretKey({ seed: 'bench-bisection', label: 'user', index }));
	const users = keys.map(addressOf);
	const genesis = () =>
		L2State.genesis([...users.map((address) => ({ address, balance: 100n * E18, usd: 10_000n * E18 })), { address: DEX_ADDRESS, balance: 1_000n * E18, usd: 50_000n * E18 }]);
	const nonces = users.map(() => 0);
	const txs: Hex[] = Array.from({ length: 1000 }, (_, i) => {
		const from = i % users.length;
		const fees = { nonce: nonces[from]++, maxFeePerGas: 2n * GWEI, maxPriorityFeePerGas: GWEI };
		if (i % 5 < 3) return signTx({ ...fees, to: users[(from + 1) % users.length], value: BigInt(i + 1) * GWEI, data: '0x', gas: TRANSFER_GAS }, keys[from]);
		const metisIn = i % 5 === 3;
		return signTx({ ...fees, to: DEX_ADDRESS, value: metisIn ? E18 : 0n, data: encodeSwap({ metisIn, amountIn: E18, minOut: 0n }), gas: SWAP_GAS }, keys[from]);
	});
	const play = () => {
		const t = now();
		const defender = fabricateRoots({ prevState: genesis(), txs, tamperTx: 999, credit: { address: users[0], amount: 1000n * E18 } });
		const result = playDispute({ prevState: genesis(), txs, defender, clockMs: 3.5 * DAY, moveMs: { defender: HOUR, challenger: HOUR } });
		return { ms: now() - t, result };
	};
	const cold = play();
	const warm = play();
	return { coldMs: Math.round(cold.ms), warmMs: Math.round(warm.ms), rounds: warm.result.rounds, winner: warm.result.winner, disputedTx: warm.result.disputedTx, disputedStep: warm.result.disputedStep };
}

/** Each preset run to completion (its `expect.until`, 8 days by default). */
function presets() {
	const out: Record<string, number> = {};
	for (const name of scenarioNames()) {
		if (name === 'demo') continue;
		const scenario = loadScenario(name);
		const t = now();
		const world = createWorld({ seed: scenario.seed ?? 1, scenario });
		world.runUntil(parseDuration(scenario.expect?.until ?? '8d')!);
		out[name] = Math.round(now() - t);
	}
	return out;
}

/** The presets the jump benchmark walks through, up to their first slash. */
const JUMP_PRESETS = ['lone-cheater', 'colluding-majority-optimistic'];

/**
 * One part of the jump benchmark on one preset, in a process of its own (the crypto memos of an
 * earlier run of the same world would make a later one look cheap). "Next key moment" from the start
 * until the first slash, as the worker does it: `cold` runs each jump while the learner waits;
 * `handedOver` is the wait when the look-ahead finished while the learner read (`lookAhead` is its own
 * work, done in spare time); `afterSeekBack` is one jump after scrubbing back to the start, read off
 * the branch's known log; `everyKeyEvent` is the old rule, a stop at every key event. Waits include
 * building the frame's snapshot.
 */
function jumpPart(part: string, name: string) {
	const scenario = loadScenario(name);
	const story = storyFor(scenarioEventsOf(JSON.parse(scenarioText(name)!)));
	const fresh = () => createWorld({ seed: scenario.seed ?? 1, scenario });
	const reached = (w: { events: readonly { type: string }[] }) => w.events.some((e) => e.type === 'slash');
	const never = () => false;
	const waits: number[] = [];
	const spare: number[] = [];
	const scout = new Scout();
	let w = fresh();
	while (!reached(w) && waits.length < 200) {
		let t = now();
		if (part === 'cold') MomentSearch.from(w, story).run(never);
		else if (part === 'everyKeyEvent') {
			const seen = w.events.length;
			while (w.step() !== null && !w.events.slice(seen).some(isKeyEvent));
		} else {
			scout.watch(w, story);
			scout.work(never);
			spare.push(now() - t);
			t = now();
			const next = scout.reach(w, never);
			if (!next) throw new Error('the look-ahead did not serve the jump');
			w = next.world;
		}
		w.snapshot();
		waits.push(now() - t);
	}
	const out: Record<string, number> = { presses: waits.length, maxMs: round(Math.max(...waits)), totalMs: Math.round(waits.reduce((a, b) => a + b, 0)) };
	if (spare.length) out.lookAheadMaxMs = Math.round(Math.max(...spare));
	if (part === 'handedOver') {
		w.seek(0);
		const t = now();
		seekKnownMoment(w, story);
		w.snapshot();
		out.afterSeekBackMs = round(now() - t);
	}
	return out;
}

/** The jump benchmark: every part on every preset of JUMP_PRESETS, each in a fresh process. */
function jump() {
	const out: Record<string, Record<string, unknown>> = {};
	for (const name of JUMP_PRESETS) {
		out[name] = {};
		for (const part of ['cold', 'handedOver', 'everyKeyEvent']) {
			const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--only', 'jumpPart', '--part', part, '--preset', name], { encoding: 'utf8' });
			if (child.status !== 0) throw new Error(`jump ${part} ${name}: ${child.stderr}`);
			out[name][part] = JSON.parse(child.stdout).jumpPart;
		}
	}
	return out;
}

function main() {
	const { values } = parseArgs({ options: { json: { type: 'boolean' }, rounds: { type: 'string' }, only: { type: 'string' }, part: { type: 'string' }, preset: { type: 'string' } } });
	const rounds = Number(values.rounds ?? 7);
	if (values.only) {
		const pick: Record<string, () => unknown> = { batch21: () => batch21(rounds), demoHour, idleWeek, bisection1000, presets, jump, jumpPart: () => jumpPart(values.part ?? 'cold', values.preset ?? JUMP_PRESETS[0]) };
		if (!pick[values.only]) throw new Error(`--only takes one of ${Object.keys(pick).join(', ')}`);
		process.stdout.write(`${JSON.stringify({ [values.only]: pick[values.only]() })}\n`);
		return;
	}
	const out = { batch21: batch21(rounds), demoHour: demoHour(), idleWeek: idleWeek(), bisection1000: bisection1000(), presets: presets(), jump: jump() };
	if (values.json) {
		process.stdout.write(`${JSON.stringify(out)}\n`);
		return;
	}
	const b = out.batch21;
	const d = out.demoHour;
	const i = out.idleWeek;
	console.log('Rollup Lab benchmarks (lower is better; targets in brackets)\n');
	console.log(`batch21   pipeline ${b.pipelineMs} ms, raw noble floor ${b.cryptoFloorMs} ms, ratio ${b.ratio} [≤ 0.5]  (median of ${b.rounds})`);
	console.log(`demoHour  wall ${d.wallMs} ms, crypto floor ${d.cryptoFloorMs} ms, ratio ${d.ratio} [≤ 1.3], ${d.simSecondsPerWallSecond} sim s per wall s`);
	console.log(`          ${d.txs} txs, ${d.batches} batches, ${d.events} events; real crypto ops ${JSON.stringify(d.cryptoOps)}`);
	console.log(`          raw noble per op (ms) ${JSON.stringify(d.rawPerOpMs)}`);
	console.log(`idleWeek  wall ${i.wallMs} ms [< 50] to settle ${i.settledBatches} batches across an idle 7-day window`);
	const bi = out.bisection1000;
	console.log(`bisection1000  ${bi.warmMs} ms warm, ${bi.coldMs} ms cold (with signature recovery): ${bi.rounds} rounds, ${bi.winner} wins at tx ${bi.disputedTx} step ${bi.disputedStep}`);
	console.log(`presets   ${Object.entries(out.presets).map(([k, v]) => `${k} ${v} ms`).join(', ')}`);
	for (const [name, j] of Object.entries(out.jump)) console.log(`jump      ${name} to its first slash: ${JSON.stringify(j)} [handedOver.maxMs < 1000]`);
}

main();
