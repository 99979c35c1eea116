/**
 * Repeatable random input for property tests: the same seed gives the same sequence on every
 * run, so a failure found once is found again.
 */

/** Numbers in [0, 1) from a linear congruential generator started at `seed`. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** A text of at least `min` and fewer than `max` pieces, each picked by `random` from `pieces`. */
export function randomText(random: () => number, pieces: readonly string[], min: number, max: number): string {
  return Array.from(
    { length: min + Math.floor(random() * (max - min)) },
    () => pieces[Math.floor(random() * pieces.length)],
  ).join("");
}
