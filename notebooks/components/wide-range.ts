/**
 * A slider whose number box accepts values above the slider's maximum: the range widens to take
 * the typed value (when the box is left or Enter is pressed), and the value is used. Observable
 * Inputs' own range silently keeps the old value when a typed number is out of range; below the
 * minimum the box is refused visibly. Its value is the number, like `Inputs.range`.
 */
import { kr } from '../../lib/index.js';

/** `Inputs.range` (passed in: @observablehq/inputs ships no types). */
export type RangeInput = (extent: [number, number], options: { label: string; value: number; step?: number; disabled?: boolean }) => HTMLElement & { value: number };

export interface WideRangeOptions {
  /** Typed values above this are refused (e.g. 100 for a percentage); default: none. */
  limit?: number;
  label: string;
  value: number;
  step?: number;
  disabled?: boolean;
  /** The element id (stable, for tests and benchmarks). */
  id: string;
}

/** The next "round" maximum at or above x: 1, 2 or 5 × a power of ten. */
export function roundUp(x: number): number {
  if (x <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  return [1, 2, 5, 10].map((m) => m * p).find((v) => v >= x)!;
}

/**
 * @param range `Inputs.range`
 * @example view(wideRange(Inputs.range, [0, 4_800_000], { id: 'reglage-insatskostnad', label: 'Insatskostnad (kr)', value: 2_400_000, step: 1000 }))
 */
export function wideRange(range: RangeInput, [min, max]: [number, number], o: WideRangeOptions, document: Document = globalThis.document): HTMLElement & { value: number } {
  const limit = o.limit ?? Infinity;
  let inner: HTMLElement & { value: number };
  const note = Object.assign(document.createElement('div'), { className: 'reglage-not' });
  note.style.cssText = 'font-size: 0.8rem; color: #8a5a00; min-height: 0;';
  const root = document.createElement('div') as unknown as HTMLElement & { value: number };
  root.id = o.id;
  Object.defineProperty(root, 'value', { get: () => inner.value, set: (v: number) => { inner.value = v; } });
  const build = (hi: number, value: number) => {
    const r = range([min, hi], { label: o.label, value, step: o.step, disabled: o.disabled });
    const box = r.querySelector('input[type=number]') as HTMLInputElement;
    // Capture on the form runs before Inputs' own handler on the box, which would drop the value.
    r.addEventListener('input', (e) => {
      if (e.target !== box) return;
      const v = box.valueAsNumber;
      if (!Number.isFinite(v)) return;
      if (v > limit) {
        e.stopImmediatePropagation();
        box.setCustomValidity(`högst ${kr(limit)}`);
        note.textContent = `${kr(v)} används inte: största möjliga värde är ${kr(limit)}.`;
      } else if (v > hi) {
        e.stopImmediatePropagation();
        note.textContent = `${kr(v)} är över reglagets största värde (${kr(hi)}); intervallet utökas när du lämnar rutan eller trycker Enter.`;
      } else if (v < min) {
        e.stopImmediatePropagation();
        box.setCustomValidity(`minst ${kr(min)}`);
        note.textContent = `${kr(v)} används inte: minsta värde är ${kr(min)}.`;
      } else {
        box.setCustomValidity('');
        note.textContent = '';
      }
    }, true);
    box.addEventListener('change', () => {
      const v = box.valueAsNumber;
      if (!Number.isFinite(v) || v <= hi || v > limit) return;
      const wider = Math.min(roundUp(v), limit);
      replace(build(wider, v));
      note.textContent = `Intervallet utökat till ${kr(wider)} för det inskrivna värdet ${kr(v)}.`;
      root.dispatchEvent(new Event('input', { bubbles: true }));
    });
    return r;
  };
  const replace = (r: HTMLElement & { value: number }) => {
    inner.replaceWith(r);
    inner = r;
  };
  inner = build(o.value > max ? Math.min(roundUp(o.value), limit) : max, o.value);
  root.append(inner, note);
  return root;
}
