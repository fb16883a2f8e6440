import { describe, expect, it } from 'vitest';
import type { Hex } from 'viem';
import happyPath from '../../../../content/scenarios/happy-path.json';
import loneCheater from '../../../../content/scenarios/lone-cheater.json';
import { signingRoot } from '../../chain/batch';
import { fromHex, keccakHex } from '../../chain/hex';
import { L2_CHAIN_ID } from '../../chain/tx';
import { MINUTE } from '../units';
import { inspectActor, inspectBatch, inspectTx, verifyAggregate, verifyBatch } from './inspect';
import { mentions } from './inspectCommon';
import { createWorld, type World } from './world';

function happyWorld(until = 90_000): World {
	const world = createWorld({ seed: 3, scenario: happyPath, params: { txPerSecond: 2, trafficUntilMs: 4 * MINUTE } });
	world.runUntil(until);
	return world;
}

const world = happyWorld();
const proposal = world.state.data.proposals.find((p) => p.index === 0 && p.status === 'posted')!;

/** Everything an inspector returns must survive JSON unchanged (no bigint, no Map, no undefined in lists). */
function jsonSafe(value: unknown): void {
	expect(JSON.parse(JSON.stringify(value))).toEqual(value);
}

describe('inspectBatch', () => {
	it('shows the header, roots, active set, signers and aggregate of a posted batch', () => {
		const b = inspectBatch(world, 0)!;
		expect(b.status).toBe('posted');
		expect(b.header).toEqual({
			chainId: world.params.chainId,
			batchIndex: 0,
			prevStateRoot: proposal.prevStateRoot,
			stateRoot: proposal.stateRoot,
			txRoot: proposal.txRoot,
			signingRoot: proposal.signingRoot
		});
		expect(signingRoot(b.header)).toBe(b.header.signingRoot);
		expect(b.txs.map((t) => t.hash)).toEqual(proposal.txs.map((raw) => keccakHex(fromHex(raw))));
		expect(b.txs.every((t) => t.sender?.startsWith('user-') && t.block !== null)).toBe(true);
		expect(b.activeSet.map((m) => m.id)).toEqual(proposal.activeSet);
		expect(b.activeSet.filter((m) => m.vote === 'signed').map((m) => m.id).sort()).toEqual(b.signers);
		expect(b.activeSet.every((m) => m.blsPublicKey === world.state.cast.sequencerById.get(m.id)!.blsPublicKey)).toBe(true);
		expect(b.aggregateSignature).toMatch(/^0x[0-9a-f]{192}$/);
		expect(b.quorum.met).toBe(true);
		expect(b.groundTruth).toEqual({ fraudulent: false, equivocated: false });
		jsonSafe(b);
	});

	it('is null for a batch never proposed', () => {
		expect(inspectBatch(world, 9999)).toBeNull();
	});
});

describe('verifyBatch', () => {
	it('verifies a real batch with a fresh fast-aggregate-verify', () => {
		const v = verifyBatch(world, 0);
		expect(v).toMatchObject({ ok: true, signingRootMatches: true, txRootMatches: true, signingRoot: proposal.signingRoot, signers: proposal.signers });
		expect(v.message).toMatch(new RegExp(`^The aggregate of ${proposal.signers.length} BLS signatures over signingRoot 0x[0-9a-f]{4}…[0-9a-f]{4} is valid\\.$`));
	});

	const header = { chainId: L2_CHAIN_ID, batchIndex: 0, prevStateRoot: proposal.prevStateRoot, stateRoot: proposal.stateRoot, txRoot: proposal.txRoot };
	const keys = proposal.signers.map((id) => ({ id, blsPublicKey: world.state.cast.sequencerById.get(id)!.blsPublicKey }));
	const other = world.state.data.proposals.find((p) => p.index === 1 && p.aggregateSignature)!;
	const flipped = (proposal.aggregateSignature!.slice(0, -2) + (proposal.aggregateSignature!.endsWith('00') ? '01' : '00')) as Hex;
	const genuine = { header, claimedSigningRoot: proposal.signingRoot, signers: keys, aggregateSignature: proposal.aggregateSignature };

	it.each([
		{ name: 'the genuine inputs', change: {}, ok: true, rootMatches: true, says: /is valid\.$/ },
		{ name: 'another batch’s aggregate', change: { aggregateSignature: other.aggregateSignature }, ok: false, rootMatches: true, says: /is NOT valid/ },
		{ name: 'a flipped signature byte', change: { aggregateSignature: flipped }, ok: false, rootMatches: true, says: /is NOT valid/ },
		{ name: 'a signer left out', change: { signers: keys.slice(1) }, ok: false, rootMatches: true, says: /is NOT valid/ },
		{ name: 'a tampered state root', change: { header: { ...header, stateRoot: proposal.prevStateRoot } }, ok: false, rootMatches: false, says: /not the 0x/ },
		{ name: 'no aggregate', change: { aggregateSignature: null }, ok: false, rootMatches: true, says: /no aggregate signature/ },
		{ name: 'an unregistered signer', change: { signers: [...keys, { id: 'seq-99', blsPublicKey: null }] }, ok: false, rootMatches: true, says: /No BLS public key is registered for seq-99/ }
	])('$name: ok=$ok', ({ change, ok, rootMatches, says }) => {
		const v = verifyAggregate({ ...genuine, ...change });
		expect(v.ok).toBe(ok);
		expect(v.signingRootMatches).toBe(rootMatches);
		expect(v.message).toMatch(says);
	});

	it('fails on a world whose batch was tampered with, and says why', () => {
		const w = happyWorld(60_000);
		const p = w.state.data.proposals.find((x) => x.index === 0)!;
		p.stateRoot = p.prevStateRoot;
		const v = verifyBatch(w, 0);
		expect(v.ok).toBe(false);
		expect(v.signingRootMatches).toBe(false);
		expect(verifyBatch(w, 9999).message).toBe('There is no batch 9999.');
	});
});

describe('inspectTx', () => {
	const first = inspectBatch(world, 0)!.txs[0];

	it('decodes a batched transaction, recovers its sender and says where it is', () => {
		const tx = inspectTx(world, first.hash)!;
		expect(keccakHex(fromHex(tx.raw!))).toBe(first.hash);
		expect(tx.decoded).toMatchObject({ type: 2, chainId: L2_CHAIN_ID });
		expect(tx.senderActor).toBe(first.sender);
		expect(tx.sender).toBe(world.state.cast.userById.get(first.sender!)!.address);
		expect(tx.senderMatches).toBe(true);
		expect(tx.place).toEqual({ kind: 'batch', block: first.block, batch: 0, batchStatus: 'posted' });
		expect(tx.execution).toBe('ok');
		expect(tx.history.map((e) => e.type)).toEqual(['tx.submitted', 'finality.soft']);
		jsonSafe(tx);
	});

	it('describes a transfer and a swap by what they call', () => {
		const kinds = new Map(world.events.filter((e) => e.type === 'tx.submitted').map((e) => [String(e.hash), String(e.kind)]));
		for (const kind of ['transfer', 'swap']) {
			const hash = [...kinds].find(([h, k]) => k === kind && inspectTx(world, h)?.raw)![0];
			const tx = inspectTx(world, hash)!;
			expect(tx.call?.kind).toBe(kind);
			if (tx.call?.kind === 'swap') expect(tx.decoded?.toActor).toBe('dex');
			if (tx.call?.kind === 'transfer') expect(tx.call.toActor).toMatch(/^user-\d+$/);
		}
	});

	it('finds a transaction waiting in the mempool, case-insensitively, and nothing for an unknown hash', () => {
		const w = happyWorld(30_000);
		for (let i = 0; i < 10_000 && w.state.data.mempool.length === 0; i++) w.step();
		const waiting = w.state.data.mempool[0];
		const tx = inspectTx(w, waiting.hash.toUpperCase().replace('0X', '0x'))!;
		expect(tx.place).toMatchObject({ kind: 'mempool', position: 1, arrivedAt: waiting.arrivedAt });
		expect(tx.claimedBy).toBe(waiting.user);
		expect(inspectTx(w, `0x${'ab'.repeat(32)}`)).toBeNull();
	});
});

describe('inspectActor', () => {
	const w = world.state;

	it('shows a sequencer’s machine state, stake and key', () => {
		const id = w.cast.sequencers[0].id;
		const a = inspectActor(world, id)!;
		const snap = world.snapshot().sequencers.find((s) => s.id === id)!;
		expect(a).toMatchObject({ role: 'sequencer', state: snap.state, behaviour: 'honest', address: w.cast.sequencers[0].address });
		expect(a.states.length).toBeGreaterThan(0);
		expect(a.sequencer!.stake.wei).toBe(snap.stake);
		expect(a.sequencer!.blsPublicKey).toBe(w.cast.sequencers[0].blsPublicKey);
		expect(a.sequencer!.batches.signed).toBeGreaterThan(0);
		// Its statechart, with the states it is in now and its delays' lengths from its context.
		expect(a.machine.id).toBe('sequencer');
		expect(a.active[0]).toBe('sequencer');
		expect(a.active.map((s) => s.split('.').at(-1)).filter((k) => snap.state.includes(k!)).length).toBe(a.active.length - 1);
		expect(a.delays).toEqual({ reviewTime: w.actors.snapshotOf(id).context.reviewMs, blockTime: w.actors.snapshotOf(id).context.l2BlockMs, signTimeout: w.actors.snapshotOf(id).context.signTimeoutMs });
		jsonSafe(a);
	});

	it.each([
		{ role: 'validator', id: () => w.cast.validators[0].id },
		{ role: 'user', id: () => w.cast.users[0].id },
		{ role: 'admin', id: () => 'admin' }
	])('shows a $role', ({ role, id }) => {
		const a = inspectActor(world, id())!;
		expect(a.role).toBe(role);
		expect(a.history.length).toBeLessThanOrEqual(30);
		expect(a.history.every((e) => mentions(e, a.id))).toBe(true);
		expect(a.history.map((e) => e.t)).toEqual([...a.history.map((e) => e.t)].sort((x, y) => y - x));
		if (role === 'user') expect(a.user!.nonce).toBe(w.data.l2.nonceOf(a.address!));
		if (role === 'validator') expect(a.validator!.checked).toBe(world.snapshot().validators[0].checked);
		jsonSafe(a);
	});

	it('is null for an unknown id', () => {
		expect(inspectActor(world, 'seq-404')).toBeNull();
	});
});

describe('inspectors are read-only and deterministic', () => {
	it('leave the world exactly as it was and answer the same twice', () => {
		const w = happyWorld(60_000);
		const before = JSON.stringify({ snapshot: w.snapshot(), events: w.events.length, rng: w.state.rng.state(), next: w.nextEventAt });
		const ask = () => JSON.stringify([inspectBatch(w, 0), verifyBatch(w, 0), inspectTx(w, w.state.data.blocks[0].hashes[0]), inspectActor(w, 'seq-1'), inspectActor(w, 'user-3')]);
		const first = ask();
		expect(ask()).toBe(first);
		expect(JSON.stringify({ snapshot: w.snapshot(), events: w.events.length, rng: w.state.rng.state(), next: w.nextEventAt })).toBe(before);
	});
});

describe('a forged transaction', () => {
	it('shows the cheater’s round, with a transaction whose signature recovers no sender', () => {
		const w = createWorld({ seed: loneCheater.seed, scenario: loneCheater });
		w.runUntil(3 * MINUTE);
		const b = inspectBatch(w, 0)!;
		expect(b.rounds[0]).toMatchObject({ proposal: 0, attempt: 1, proposer: 'seq-0', status: 'no-quorum' });
		const forgedRound = w.state.data.proposals.find((p) => p.fraudulent)!;
		const forged = forgedRound.txs[forgedRound.txs.length - 1];
		const tx = inspectTx(w, keccakHex(fromHex(forged)))!;
		expect(tx.sender).toBeNull();
		expect(tx.senderActor).toBeNull();
		expect(tx.place).toMatchObject({ kind: 'batch', block: null, batch: 0 });
	});
});
