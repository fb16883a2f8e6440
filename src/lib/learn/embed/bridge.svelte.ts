/**
 * An embedded module's reporter. It turns what the learner does (answers, a step done, the module
 * finished, the module left) into xAPI statements in one order, and hands each to the host page
 * (postMessage to the origin the host gave, never `*`) and, under a cmi5 launch, to the LRS: one at
 * a time, initialized first and terminated last. What happens before the LRS answers waits, with
 * its own time, so nothing is sent out of order.
 */
import { m } from '$lib/paraglide/messages.js';
import type { EmbedLaunch } from './launch';
import { LrsError, openSession, type Cmi5Session, type Http } from './lrs';
import { duration, isCmi5Defined, score, statement, type Activity, type Agent, type Cmi5Context, type Result, type Statement, type VerbName } from './xapi';

/** The scaled score from which a module counts as passed, when neither the LMS nor the host says. */
export const DEFAULT_MASTERY = 0.8;

/** What the module is: its activity, the activities around it, and the course. */
export interface EmbedModule {
	/** The module's own activity (a step, a lesson or a mission). */
	activity: Activity;
	/** What it sits inside (a step's lesson), outermost last. */
	parent: Activity[];
	/** The course. */
	course: Activity;
}

/** A message to the host page. */
export type EmbedMessage =
	| { context: 'rollup-lab'; action: 'ready'; activity: string }
	| { context: 'rollup-lab'; action: 'xapi'; statement: Statement }
	| { context: 'rollup-lab'; action: 'resize'; height: number };

/** Where a bridge's clock, ids, host and network come from. */
export interface BridgeDeps {
	/** Wall-clock epoch ms. */
	now: () => number;
	/** A new UUID. */
	uuid: () => string;
	/** Posts to the host page at the launch's origin (null: there is no host to post to). */
	post: ((message: EmbedMessage) => void) | null;
	/** The network (fetch). */
	http: Http;
	/** Who the learner is when the launch does not say. */
	learner: () => Promise<Agent>;
}

/** The module itself, wherever a statement names it (under cmi5 its id is the AU's). */
const MODULE = Symbol('module');
type Ref = Activity | typeof MODULE;

interface Pending {
	id: string;
	at: number;
	verb: VerbName;
	object: Ref;
	parent: Ref[];
	result?: Result;
}

/** The state of the LRS link of a cmi5 launch. */
export type LrsState = 'none' | 'connecting' | 'live' | 'failed';

/** Reports one embedded module. */
export class EmbedBridge {
	/** The LRS link: none outside cmi5. */
	lrs = $state<LrsState>('none');
	/** What went wrong with the LRS, in words. */
	problem = $state<string | null>(null);
	/** The module has been finished (completed, and passed or failed when scored). */
	finished = $state(false);
	/** The session has ended (terminated sent). */
	ended = $state(false);
	/** The scaled score from which the module counts as passed. */
	mastery = $state(DEFAULT_MASTERY);
	/** Statements made so far, in order (what the host and the LRS are given). */
	made = $state.raw<readonly Statement[]>([]);
	/** Where the LMS asked the learner to be sent when the module ends, if it did. */
	returnURL: string | null = null;

	private pending: Pending[] = [];
	private unsent: Statement[] = [];
	private session: Cmi5Session | null = null;
	private cmi5: Cmi5Context | null = null;
	private judged = true;
	private actor: Agent | null = null;
	private startedAt = 0;
	private started = false;
	private sending: Promise<void> = Promise.resolve();

	/** A bridge for `module`, launched with `launch`. Nothing is sent until `start`. */
	constructor(
		private readonly launch: EmbedLaunch,
		private readonly module: EmbedModule,
		private readonly deps: BridgeDeps
	) {
		this.mastery = launch.mastery ?? DEFAULT_MASTERY;
	}

	/** Starts the session: initialized is recorded now, and goes out once the learner (and the LRS) are known. */
	async start(): Promise<void> {
		if (this.started) return;
		this.started = true;
		this.startedAt = this.deps.now();
		this.record('initialized', MODULE, []);
		this.deps.post?.({ context: 'rollup-lab', action: 'ready', activity: this.module.activity.id });
		const cmi5 = this.launch.cmi5;
		if (cmi5) {
			this.lrs = 'connecting';
			try {
				this.session = await openSession(cmi5, this.deps.http);
				const data = this.session.launchData;
				this.cmi5 = { registration: cmi5.registration, template: data.contextTemplate, activityId: cmi5.activityId, masteryScore: data.masteryScore };
				this.judged = data.launchMode === 'Normal';
				if (data.masteryScore !== null) this.mastery = data.masteryScore;
				this.returnURL = data.returnURL;
				this.lrs = 'live';
			} catch (e) {
				this.fail(e);
			}
		}
		this.actor = cmi5?.actor ?? this.launch.actor ?? (await this.deps.learner());
		this.flush();
	}

	/** The learner checked option `choice` of `question` (in `step`). */
	answered(question: Activity, step: Activity, choice: number, right: boolean): void {
		this.record('answered', question, [step.id === this.module.activity.id ? MODULE : step], { success: right, completion: true, response: String(choice), score: score(right ? 1 : 0, 1) });
	}

	/** The learner finished a step inside the module (a lesson's step). */
	stepDone(step: Activity): void {
		if (step.id === this.module.activity.id) return;
		this.record('completed', step, [MODULE], { completion: true, duration: duration(this.deps.now() - this.startedAt) });
	}

	/** The learner finished the module: completed, then passed or failed when `result` scores it (raw of max). */
	finish(result: { raw: number; max: number } | null): void {
		if (this.finished) return;
		this.finished = true;
		const took = duration(this.deps.now() - this.startedAt);
		this.record('completed', MODULE, [], { completion: true, duration: took });
		if (!result) return;
		const s = score(result.raw, result.max);
		const passed = s.scaled >= this.mastery;
		this.record(passed ? 'passed' : 'failed', MODULE, [], { score: s, success: passed, duration: took });
	}

	/** The learner left: terminated goes last, even as the page closes. Returns where to send them, if anywhere. */
	terminate(): string | null {
		if (!this.started || this.ended) return null;
		this.ended = true;
		this.record('terminated', MODULE, [], { duration: duration(this.deps.now() - this.startedAt) }, true);
		return this.returnURL;
	}

	/** Whether Try again can help: the session opened, then the LRS refused a statement. */
	get canRetry(): boolean {
		return this.lrs === 'failed' && this.session !== null;
	}

	/** Tries again to send what the LRS did not take. */
	retry(): void {
		if (!this.canRetry) return;
		this.lrs = 'live';
		this.problem = null;
		const again = this.unsent;
		this.unsent = [];
		for (const s of again) this.put(s, false);
	}

	private record(verb: VerbName, object: Ref, parent: Ref[], result?: Result, last = false): void {
		this.pending.push({ id: this.deps.uuid(), at: this.deps.now(), verb, object, parent, result });
		this.flush(last);
	}

	/** Makes and hands on every pending statement, once the learner is known. */
	private flush(last = false): void {
		if (!this.actor || this.lrs === 'connecting') return;
		const batch = this.pending;
		this.pending = [];
		for (const p of batch) {
			const s = this.make(p);
			this.made = [...this.made, s];
			this.deps.post?.({ context: 'rollup-lab', action: 'xapi', statement: s });
			const defined = isCmi5Defined(p.verb, s.object, this.cmi5);
			const judging = p.verb === 'completed' || p.verb === 'passed' || p.verb === 'failed';
			if (this.session && !(defined && judging && !this.judged)) this.put(s, last);
		}
	}

	private make(p: Pending): Statement {
		const ref = (r: Ref): Activity => (r === MODULE ? this.moduleActivity() : r);
		// The direct parent is named as such; every other activity around it is grouping.
		const parent = p.object === MODULE ? this.module.parent : p.parent.map(ref);
		const grouping = [...this.module.parent, this.module.course].filter((a) => !parent.some((b) => b.id === a.id));
		return statement({ id: p.id, at: p.at, actor: this.actor!, verb: p.verb, object: ref(p.object), result: p.result, parent, grouping, registration: this.launch.registration, cmi5: this.cmi5 });
	}

	private moduleActivity(): Activity {
		return this.cmi5 ? { ...this.module.activity, id: this.cmi5.activityId } : this.module.activity;
	}

	private put(s: Statement, keepalive: boolean): void {
		const session = this.session!;
		this.sending = this.sending.then(async () => {
			if (this.lrs === 'failed') {
				this.unsent.push(s);
				return;
			}
			try {
				await session.put(s, keepalive);
			} catch (e) {
				this.unsent.push(s);
				this.fail(e);
			}
		});
	}

	private fail(e: unknown): void {
		this.lrs = 'failed';
		this.problem = e instanceof LrsError ? e.message : m.embed_lrs_unreachable({ what: m.embed_lrs_what_lms() });
	}

	/** Resolves once everything handed to the LRS so far has been answered (for tests and for leaving). */
	settled(): Promise<void> {
		return this.sending;
	}
}
