/**
 * Lagged effects (method §2.3): the kommunalekonomisk utjämning follows a change in taxable income
 * `lag` years later. Its annual effect per cell is computed like any other (difference in
 * differences, dödvikt), and its stream is the effect shifted by the lag:
 *   U_t = U × (1 − avklingning)^(t − lag − 1) / (1 + r)^(t − 1) for t > lag, else 0.
 */
import type { Ledger } from './ledger.js';

/** Per-cell annual lagged effect, as `cellEffects` for the lagged arrays. */
export function laggedCellEffects(ledger: Ledger, deadweight: number): Float64Array {
  const p = ledger.participants;
  const c = ledger.comparison;
  const out = new Float64Array(p.fore.length);
  if (!p.laggedFore || !p.laggedEfter) return out;
  const k = c && c.weight > 0 ? p.weight / c.weight : 0;
  for (let i = 0; i < out.length; i++) {
    let d = p.laggedEfter[i] - p.laggedFore[i];
    if (c && k && c.laggedFore && c.laggedEfter) d -= k * (c.laggedEfter[i] - c.laggedFore[i]);
    out[i] = d * (1 - deadweight);
  }
  return out;
}

/**
 * The stream of a lagged annual effect over years 1..H.
 * @example laggedStream(-100, 5, 2, 0, 0) // => [0, 0, -100, -100, -100]
 */
export function laggedStream(annualEffect: number, years: number, lag: number, dropOff: number, discountRate: number): number[] {
  const out: number[] = [];
  for (let t = 1; t <= years; t++) out.push(t > lag ? (annualEffect * (1 - dropOff) ** (t - lag - 1)) / (1 + discountRate) ** (t - 1) : 0);
  return out;
}
