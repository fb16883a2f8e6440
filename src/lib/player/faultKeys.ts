/**
 * The one-key fault shortcuts a presenter uses (f, o, t, T, h), bound to the page's simulation
 * client and the stage's actions menu. Every press is narrated: by the world's own events when it
 * changes something, or by a line saying why nothing changed.
 */
import { m } from '$lib/paraglide/messages.js';
import { actorFromKey, doubleTraffic, everyoneHonest, halveTraffic, proposerOffline, trafficRefusal, type ActorRef } from './faults';
import type { WorldClient } from './worldClient.svelte';

/** What the fault keys do; the shapes `handleShortcut` expects. */
export interface FaultKeyActions {
	/** "f": open the focused actor's menu, else the proposer's. */
	actions: () => void;
	/** "o": the proposer goes offline. */
	offline: () => void;
	/** "t" / "T": double or halve the traffic. */
	traffic: (change: 'double' | 'halve') => void;
	/** "h": everyone honest again. */
	honest: () => void;
}

/** The actor whose node has focus, if any. */
export function focusedActor(doc: Pick<Document, 'activeElement'> = document): ActorRef | null {
	const el = doc.activeElement;
	return actorFromKey(el?.closest('[data-actor]')?.getAttribute('data-actor'));
}

/** Binds the fault keys to a client; `openMenu` opens an actor's actions menu on the stage. */
export function faultKeys(client: WorldClient, openMenu: (actor: ActorRef) => void): FaultKeyActions {
	const world = () => (client.loading || !client.snapshot || !client.info ? null : { snapshot: client.snapshot, info: client.info });
	return {
		actions() {
			const w = world();
			if (!w) return;
			const actor = focusedActor() ?? (w.snapshot.proposer ? { kind: 'sequencer', id: w.snapshot.proposer } : null);
			if (actor) openMenu(actor);
			else client.say(m.say_key_nobody_proposing());
		},
		offline() {
			const w = world();
			if (!w) return;
			const command = proposerOffline(w.snapshot);
			const proposer = w.snapshot.sequencers.find((s) => s.id === w.snapshot.proposer);
			if (!command || !proposer) client.say(m.say_key_nobody_offline());
			else if (proposer.behaviour === 'offline') client.say(m.say_key_already_offline({ proposer: proposer.id }));
			else client.dispatch(command);
		},
		traffic(change) {
			const w = world();
			if (!w) return;
			const traffic = w.snapshot.traffic;
			const refusal = trafficRefusal(traffic, change);
			if (refusal) client.say(refusal);
			else client.dispatch(change === 'double' ? doubleTraffic(traffic.txPerSecond, traffic.baseTxPerSecond) : halveTraffic(traffic.txPerSecond));
		},
		honest() {
			const w = world();
			if (!w) return;
			const commands = everyoneHonest(w.snapshot);
			if (!commands.length) client.say(m.say_key_all_honest());
			for (const command of commands) client.dispatch(command);
		}
	};
}
