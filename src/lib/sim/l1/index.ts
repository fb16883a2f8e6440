/** L1 contracts of the world: bank, staking pool, rollup inbox and forced-inclusion queue. */
export * from './bank';
export * from './forcedInclusion';
export * from './proRata';
export * from './result';
export * from './rollupInbox';
export * from './sequencerSet';
export * from './stakingPool';
export * from './stakingTypes';
