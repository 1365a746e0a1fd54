/**
 * Deterministic random numbers for the simulated kernel, mirroring the API of
 * `include/linux/random.h` (v6.12): `get_random_u32`, `get_random_u32_below`,
 * `get_random_u32_inclusive`.
 *
 * The kernel's generator is a CSPRNG; the model's is a seeded xorshift32 per
 * kernel instance, so every run of a selftest or example is reproducible.
 * Reseed with {@link prandom_seed}.
 * @module
 */
import { K } from './current.js';

const RNG = Symbol('random');

/** Default seed of a fresh kernel instance. */
export const DEFAULT_RANDOM_SEED = 0x6b8b4567;

function rng(): { s: number } {
  return K().subsys(RNG, () => ({ s: DEFAULT_RANDOM_SEED }));
}

/** Reseed the current kernel's generator (a seed of 0 is replaced by the default). */
export function prandom_seed(seed: number): void {
  rng().s = seed >>> 0 || DEFAULT_RANDOM_SEED;
}

/** A uniformly distributed u32. Mirrors `include/linux/random.h: get_random_u32, v6.12` (seeded, not cryptographic). */
export function get_random_u32(): number {
  const r = rng();
  let x = r.s;
  x ^= x << 13;
  x ^= x >>> 17;
  x ^= x << 5;
  r.s = x >>> 0;
  return r.s;
}

/** A u32 in `[0, ceil)`; 0 when `ceil` is 0. Mirrors `include/linux/random.h: get_random_u32_below, v6.12`. */
export function get_random_u32_below(ceil: number): number {
  if (ceil <= 0) return 0;
  return get_random_u32() % ceil;
}

/** A u32 in `[floor, ceil]`. Mirrors `include/linux/random.h: get_random_u32_inclusive, v6.12`. */
export function get_random_u32_inclusive(floor: number, ceil: number): number {
  return floor + get_random_u32_below(ceil - floor + 1);
}
