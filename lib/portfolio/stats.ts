/**
 * Portfolio statistics: mean and median of a key figure across projects, and each project's
 * deviation from both ("Nyckeltalens avvikelser från medelvärde" in NyttoSam reports). Each
 * project counts once (an unweighted mean over projects, as a comparison between insatser).
 * Missing values (null: no verkningsgrad, payback never reached) are left out and `n` says how many counted.
 */

/** Mean and median over the non-null values; null when there are none. */
export interface Centre {
  n: number;
  mean: number | null;
  median: number | null;
}

/** A value's distance from the portfolio mean and median, absolute and relative to |centre|. */
export interface Deviation {
  fromMean: number | null;
  /** (value − mean) / |mean|; null when the mean is 0 or missing. */
  fromMeanRelative: number | null;
  fromMedian: number | null;
  fromMedianRelative: number | null;
}

/** Mean and median of the non-null values. @example centre([1, 2, null, 6]) // => { n: 3, mean: 3, median: 2 } */
export function centre(values: readonly (number | null)[]): Centre {
  const xs = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const n = xs.length;
  if (n === 0) return { n, mean: null, median: null };
  let sum = 0;
  for (const x of xs) sum += x;
  const median = n % 2 === 1 ? xs[(n - 1) / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2;
  return { n, mean: sum / n, median };
}

/** Deviation of one value from a centre. */
export function deviation(value: number | null, c: Centre): Deviation {
  const diff = (ref: number | null) => (value === null || ref === null ? null : value - ref);
  const rel = (ref: number | null) => (value === null || ref === null || ref === 0 ? null : (value - ref) / Math.abs(ref));
  return { fromMean: diff(c.mean), fromMeanRelative: rel(c.mean), fromMedian: diff(c.median), fromMedianRelative: rel(c.median) };
}
