/** The calculators a lesson may place with `::calculator{name="…"}`; each has a component in `components/lesson/calculators`. */

/** Every calculator's name. */
export const CALCULATOR_NAMES = ['attack-cost', 'blob-fee', 'finality-race'] as const;

/** A calculator's name. */
export type CalculatorName = (typeof CALCULATOR_NAMES)[number];
