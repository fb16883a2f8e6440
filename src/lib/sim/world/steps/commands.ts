/**
 * Commands: what a person (or a scenario) does to a running world. They are data, so a run is
 * replayable from `{ seed, scenario, commands }` alone — the share URL holds exactly that.
 */
import { parseMetis } from '../../units';
import { resolveParams, formatErrors } from '../../scenario';
import type { Command } from '../../commandSchema';
import { record, tell, type WorldCore } from '../core';
import { scheduleArrival } from '../timers';

/** Applies a command now; returns null or why it was refused (the refusal is logged too). */
export function applyCommand(w: WorldCore, command: Command): string | null {
	const error = apply(w, command);
	if (error) record(w, { type: 'command.refused', command: command.type, reason: error });
	else record(w, { type: 'command.applied', command: command.type, detail: JSON.stringify(command) });
	return error;
}

function ownerAddress(w: WorldCore, actor: string) {
	return w.cast.userById.get(actor)?.address ?? w.cast.sequencerById.get(actor)?.address ?? w.cast.validators.find((x) => x.id === actor)?.address;
}

function apply(w: WorldCore, c: Command): string | null {
	const { data } = w;
	switch (c.type) {
		case 'traffic.rate':
			data.txPerSecond = c.txPerSecond;
			w.scheduler.cancel('traffic');
			scheduleArrival(w);
			return null;
		case 'params.set': {
			// Checked here so a bad value is refused with a message; the administrator applies it.
			const resolved = resolveParams(c.params, 'params', data.params);
			if (!resolved.ok) return formatErrors(resolved.errors);
			tell(w, 'admin', { type: 'params.set', params: c.params });
			return null;
		}
		case 'stake.delegate': {
			const from = w.cast.userById.get(c.user);
			const amount = parseMetis(c.amount);
			if (!from) return `no user ${c.user}`;
			if (amount === null || amount === 0n) return 'amount: expected a positive METIS amount';
			const r = data.staking.delegate({ caller: from.address, id: c.sequencer, amount });
			return r.ok ? null : r.error;
		}
		case 'sequencer.unlock': {
			const s = w.cast.sequencerById.get(c.sequencer);
			if (!s) return `no sequencer ${c.sequencer}`;
			const r = data.staking.unlock({ caller: s.address, id: s.id, now: data.now });
			if (!r.ok) return r.error;
			const amount = r.value.reduce((sum, e) => sum + e.amount, 0n);
			record(w, { type: 'stake.unlocked', sequencer: s.id, amount: amount.toString(), releaseAt: data.now + data.params.exitDelayMs });
			return null;
		}
		case 'stake.claim': {
			const address = ownerAddress(w, c.owner);
			if (!address) return `no actor ${c.owner}`;
			const r = data.staking.claim({ caller: address, now: data.now });
			if (!r.ok) return r.error;
			record(w, { type: 'stake.claimed', owner: c.owner, amount: r.value.toString() });
			return null;
		}
		case 'admin.eject': {
			const r = data.staking.forceUnlock({ caller: w.cast.admin, id: c.sequencer, now: data.now });
			if (r.ok) record(w, { type: 'sequencer.ejected', sequencer: c.sequencer, by: 'admin' });
			return r.ok ? null : r.error;
		}
		case 'sequencer.behaviour':
			if (!(c.sequencer in data.sequencerBehaviour)) return `no sequencer ${c.sequencer}`;
			if (c.behaviour === 'censor' && !c.target) return 'target: a censoring sequencer needs a target user';
			if (c.target && !w.cast.userById.has(c.target)) return `target: no user ${c.target}`;
			data.sequencerBehaviour[c.sequencer] = c.behaviour;
			data.censorTargets = { ...data.censorTargets, [c.sequencer]: c.target ?? '' };
			record(w, { type: 'behaviour.changed', actor: c.sequencer, behaviour: c.behaviour, target: c.target ?? null });
			// A proposer back online picks up the waiting work.
			if (c.sequencer === data.proposer && c.behaviour !== 'offline' && data.mempool.length > 0) tell(w, c.sequencer, { type: 'mempool.filled' });
			return null;
		case 'validator.behaviour':
			if (!(c.validator in data.validatorBehaviour)) return `no validator ${c.validator}`;
			data.validatorBehaviour[c.validator] = c.behaviour;
			tell(w, c.validator, { type: 'behaviour.set', behaviour: c.behaviour });
			record(w, { type: 'behaviour.changed', actor: c.validator, behaviour: c.behaviour, target: null });
			return null;
	}
}
