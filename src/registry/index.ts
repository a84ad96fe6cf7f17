/** The population registry: persons linked from every source, projected from the exchange ledger. */
export { RegistryProjector, catchUpRegistry, rebuildRegistryOf } from './registry-projector.js';
export { projectLedger, rebuildRegistry, type ProjectedPersonsHook, type ProjectionFollower, type ProjectionProgress, type ProjectionResult } from './projection/project-ledger.js';
export { REGISTRY_EFFECTS, registryEffectOf } from './effects/registry-effects.js';
export { nameKey } from './persons/name-key.js';
export { registryCapability } from './registry-capability.js';
export { reprojectPersons } from './projection/project-ledger.js';
export { divisionsOfRecords, registryWatermark } from './persons/record-divisions.js';
export { LOOKUP_MAX, personsDueBetween } from './persons/person-lookup.js';
export type { Golden, GoldenValue } from './persons/survivorship.js';
export type { PersonFlags } from './persons/person-state.js';
export { maskIdNumber } from './persons/persons.queries.js';
