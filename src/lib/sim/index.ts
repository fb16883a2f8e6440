/** The simulation's public API: make a world, run it, seek, dispatch commands, export. */
export { createWorld, World, WorldConfigError, type CreateWorldOptions } from './world/world';
export type { WorldExport, ExportedBatch } from './world/export';
export type { WorldSnapshot, SupplyBuckets, AcceptedOnL1, QuorumView } from './world/snapshot';
export type { TrafficView, PoolView, PoolStatus, SequencerDuty, LadderView, FinalityRules } from './world/facts';
export {
	inspectTx,
	inspectBatch,
	inspectActor,
	verifyBatch,
	verifyAggregate,
	shortHex,
	type TxDetail,
	type TxPlace,
	type TxCall,
	type DecodedFields,
	type BatchDetail,
	type BatchMember,
	type BatchVerification,
	type ActorDetail,
	type ActorRole,
	type SequencerFacts,
	type Amount
} from './world/inspect';
export type { MachineGraph, MachineState, MachineTransition, MachineTrigger } from './actors/machineGraph';
export type { Command, TimedCommand } from './commandSchema';
export { parseCommand } from './commandSchema';
export { parseScenario, parseScenarioText, formatErrors, type Scenario, type FieldError } from './scenario';
export { DEFAULT_PARAMS, FINALITY_MODES, type FinalityMode, type WorldParams } from './params';
export { FINALITY_LADDER, isEvent, type FinalityStage, type SimEvent, type SimEventType, type EventOf } from './events';
