/**
 * Trace object class → its lifecycle machine, creating event and input: the table of
 * `sandbox/machines/trace-check.ts`, which the conformance tests use too.
 */
export { LIFECYCLE_CLASSES, machineEvent } from '../../../sandbox/machines/trace-check';
