/**
 * Geometry of the stage in viewBox units: where the users, the sequencer pool, the validators and
 * the L1 lane sit, and the scales that size stake bars and blocks. d3 computes; components draw.
 */
import { pointRadial, scaleLinear, type ScaleLinear } from 'd3';

/** The stage's viewBox size. */
export const STAGE = { width: 1000, height: 560 } as const;

/** A rectangle of the stage. */
export interface Region {
	/** Left edge. */
	x: number;
	/** Top edge. */
	y: number;
	/** Width. */
	width: number;
	/** Height. */
	height: number;
}

/** A point. */
export interface Point {
	/** Horizontal position. */
	x: number;
	/** Vertical position. */
	y: number;
}

/** Everything the stage layers need to know about where things go. */
export interface StageLayout {
	/** Users column. */
	users: Region & { cols: number; pitch: number; shown: number; gridTop: number; gridLeft: number };
	/** Sequencer pool. */
	pool: Region & { cx: number; cy: number; rx: number; ry: number; nodeR: number; labels: boolean };
	/** Where each sequencer sits. */
	nodes: Map<string, Point>;
	/** Stake (METIS) → bar width. */
	stakeWidth: ScaleLinear<number, number>;
	/** Validators column. */
	validators: Region & { cols: number; cell: number; gridTop: number; gridLeft: number };
	/** Validator cell centres by id. */
	validatorCells: Map<string, Point>;
	/** L1 lane along the bottom. */
	l1: L1Layout;
	/** Where the dispute bar is drawn: over the oldest L1 blocks, or in a row of its own in a narrow lane. */
	dispute: Region;
}

/** The L1 lane: the rollup contract on the left, then a slot per recent block. */
export interface L1Layout extends Region {
	/** Drawn narrow for a compact stage: fewer blocks, the heading's second line and the dispute on rows of their own. */
	narrow: boolean;
	/** Where the heading's second line (block time and finality) starts. */
	sub: Point;
	/** Left edge of the first block slot (the contract sits left of it). */
	blocksLeft: number;
	/** Top edge of the block slots. */
	blocksTop: number;
	/** Width of a block slot. */
	blockWidth: number;
	/** Height of a block slot. */
	blockHeight: number;
	/** Space between slots. */
	blockGap: number;
	/** Slots: the latest mined blocks and the one forming. */
	blockCount: number;
}

/** What the layout depends on. */
export interface LayoutInput {
	/** Sequencer ids in order. */
	sequencers: string[];
	/** Validator ids in order. */
	validators: string[];
	/** Number of users. */
	users: number;
	/** Maximum stake per sequencer, METIS. */
	maxStake: number;
	/** Draw the L1 lane narrow, for a compact stage focused on L1 or the dispute. */
	narrowL1?: boolean;
}

/** A narrow L1 lane's width: with the crop's margins 664 units, so 14.5-unit words are 12 CSS px in a 560 px column. */
export const NARROW_L1_WIDTH = 652;

/** Most validators drawn as cells (more would be too small to click). */
export const MAX_VALIDATOR_CELLS = 100;

/** Computes the stage layout. */
export function layoutStage(input: LayoutInput): StageLayout {
	const usersRegion = { x: 8, y: 0, width: 200, height: 392 };
	// Up to 204 dots; a larger crowd shows 192 and keeps a line free for "+N more users".
	const shown = input.users <= 204 ? input.users : 192;
	// Fill a 168 × 238 box: 200 users make a 12 × 17 grid; a handful get bigger dots.
	const cols = Math.max(1, Math.ceil(Math.sqrt(Math.max(shown, 1) * (168 / 238))));
	const rows = Math.ceil(Math.max(shown, 1) / cols);
	const pitch = Math.min(30, 168 / cols, 238 / rows);
	const users = { ...usersRegion, cols, pitch, shown, gridTop: 82, gridLeft: usersRegion.x + 24 + pitch / 2 - 7 };

	const poolRegion = { x: 222, y: 0, width: 530, height: 392 };
	const count = Math.max(input.sequencers.length, 1);
	const labels = count <= 12;
	const nodeR = count <= 9 ? 26 : count <= 16 ? 20 : 12;
	// The ring leaves the batch card room between the top node's captions and the bottom node (captions are 14.5 units).
	const pool = { ...poolRegion, cx: poolRegion.x + poolRegion.width / 2, cy: 210, rx: 196, ry: 107, nodeR, labels };
	const nodes = new Map<string, Point>();
	input.sequencers.forEach((id, i) => {
		const [dx, dy] = pointRadial((i / count) * 2 * Math.PI, 1);
		nodes.set(id, { x: pool.cx + dx * pool.rx, y: pool.cy + dy * pool.ry });
	});
	const stakeWidth = scaleLinear().domain([0, Math.max(input.maxStake, 1)]).range([0, nodeR * 2.6]).clamp(true);

	const valRegion = { x: 766, y: 0, width: 226, height: 392 };
	// Every validator gets a cell (up to MAX_VALIDATOR_CELLS) in a 198 × 230 box: 20 make 4 × 5 big
	// squares, 50 make 8 × 7 smaller ones.
	const vShown = Math.min(input.validators.length, MAX_VALIDATOR_CELLS);
	const vCols = vShown <= 20 ? 4 : Math.max(4, Math.ceil(Math.sqrt(vShown * (198 / 230))));
	const vRows = Math.max(1, Math.ceil(vShown / vCols));
	const cell = Math.min(52, 198 / vCols, 230 / vRows);
	const validators = { ...valRegion, cols: vCols, cell, gridTop: 92, gridLeft: valRegion.x + 14 };
	const validatorCells = new Map<string, Point>();
	input.validators.slice(0, vShown).forEach((id, i) => {
		validatorCells.set(id, { x: validators.gridLeft + (i % vCols) * cell + cell / 2, y: validators.gridTop + Math.floor(i / vCols) * cell + cell / 2 });
	});

	const { l1, dispute } = layoutL1(input.narrowL1 ?? false);
	return { users, pool, nodes, stakeWidth, validators, validatorCells, l1, dispute };
}

/**
 * The L1 lane and the dispute bar. The whole stage's lane spans its width with nine slots, and the
 * dispute covers the seven oldest; a narrow lane has five slots, its heading's second line on a row
 * of its own (where L1 events are told) and a row below the blocks for the dispute.
 */
function layoutL1(narrow: boolean): { l1: L1Layout; dispute: Region } {
	const x = 8;
	const y = 404;
	const width = narrow ? NARROW_L1_WIDTH : 984;
	const blocksLeft = x + 214;
	// Slots wide enough for a six-digit block number and a three-digit batch chip at 14.5 units.
	const blockCount = narrow ? 5 : 9;
	const blockGap = 8;
	const blockWidth = (x + width - blocksLeft - blockGap * (blockCount - 1) - 8) / blockCount;
	const blocksTop = y + (narrow ? 68 : 44);
	const blockHeight = 98;
	const dispute = narrow
		? { x: x + 10, y: blocksTop + blockHeight + 8, width: width - 20, height: 108 }
		: { x: blocksLeft - 4, y: blocksTop - 6, width: 7 * blockWidth + 6 * blockGap + 8, height: blockHeight + 10 };
	const height = narrow ? dispute.y + dispute.height + 8 - y : 152;
	const sub = narrow ? { x: x + 14, y: y + 53 } : { x: x + 170, y: y + 28 };
	return { l1: { x, y, width, height, narrow, sub, blocksLeft, blocksTop, blockWidth, blockHeight, blockGap, blockCount }, dispute };
}

/** An SVG path for a circle of radius `r` around (x, y), so many circles can share one path element. */
export function circlePath(x: number, y: number, r: number): string {
	const f = (n: number) => +n.toFixed(2);
	return `M${f(x - r)} ${f(y)}a${f(r)} ${f(r)} 0 1 0 ${f(2 * r)} 0a${f(r)} ${f(r)} 0 1 0 ${f(-2 * r)} 0Z`;
}

/** Position of the i-th user dot shown (users beyond the grid map onto it). */
export function userDot(layout: StageLayout, index: number): Point {
	const u = layout.users;
	const i = index % Math.max(u.shown, 1);
	return { x: u.gridLeft + (i % u.cols) * u.pitch, y: u.gridTop + Math.floor(i / u.cols) * u.pitch };
}
