/**
 * The document the report's charts are drawn in outside a browser, and their markup.
 *
 * Observable Plot needs a DOM. In Node it is linkedom's (light: jsdom, used before, took about a
 * second to load), required at run time, not imported, so a bundler leaves it out of the browser.
 * linkedom writes markup of its own (attributes newest first, `style` without spaces, empty
 * elements as `<line/>`), so `chartMarkup` writes its elements as browsers and jsdom do (the HTML
 * serialisation of parse5, jsdom's serialiser): the charts' bytes do not depend on the DOM.
 * test/report/chart-dom.test.ts draws every chart of every example both in jsdom and here.
 */

let linkedomDocument: Document | undefined;

/** linkedom's one-file build, seen from dist/lib/report or from the charts' build in dist/vendor. */
const LINKEDOM_BUILDS = ['../../vendor/linkedom.cjs', './linkedom.cjs'];

/**
 * A shared linkedom document: from dist/, linkedom's one-file build (dist/vendor/linkedom.cjs,
 * scripts/bundle-charts.ts; the same code, loaded faster), else — from source, or when the build
 * is missing or fails — the package itself.
 */
export function nodeDocument(): Document {
  if (!linkedomDocument) {
    const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);
    const load = (): typeof import('linkedom') => {
      for (const path of LINKEDOM_BUILDS) {
        try {
          return require(path) as typeof import('linkedom');
        } catch { /* not built, or not loadable: the next, then the package */ }
      }
      return require('linkedom') as typeof import('linkedom');
    };
    const linkedom = load();
    linkedomDocument = linkedom.parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document;
  }
  return linkedomDocument;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\u00a0': '&nbsp;' };
// parse5's escapes (HTML spec, "escaping a string"): text and attribute values.
const escText = (s: string): string => s.replace(/[&<>\u00a0]/g, (c) => ENTITIES[c]);
const escAttr = (s: string): string => s.replace(/[&"<>\u00a0]/g, (c) => ENTITIES[c]);

/**
 * An inline style as browsers serialise it: `name: value;` joined by spaces. linkedom keeps the
 * values as given (the charts give them in the browsers' form: rgb() colours, double-quoted font
 * families), so only the layout differs.
 */
function cssText(style: string): string {
  const out: string[] = [];
  let quote = '', depth = 0, start = 0;
  const push = (end: number) => {
    const decl = style.slice(start, end);
    const colon = decl.indexOf(':');
    if (colon > 0) out.push(`${decl.slice(0, colon).trim()}: ${decl.slice(colon + 1).trim()};`);
    start = end + 1;
  };
  for (let i = 0; i < style.length; i++) {
    const c = style[i];
    if (quote) { if (c === quote) quote = ''; } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ';' && depth === 0) push(i);
  }
  push(style.length);
  return out.join(' ');
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function serialise(node: Node, out: string[]): void {
  if (node.nodeType === 3) {
    out.push(escText((node as Text).data));
    return;
  }
  if (node.nodeType !== 1) return; // comments and the like: Plot draws none
  const el = node as Element;
  if (el.namespaceURI !== SVG_NS) throw new Error(`samnytta: chartMarkup writes SVG only (got <${el.localName}>)`);
  out.push('<', el.localName);
  // linkedom lists attributes newest first; browsers and jsdom write them in insertion order.
  const attrs = [...el.attributes].reverse();
  for (const a of attrs) out.push(' ', a.name, '="', escAttr(a.name === 'style' ? cssText(a.value) : a.value), '"');
  out.push('>');
  for (const c of el.childNodes) serialise(c, out);
  out.push('</', el.localName, '>');
}

/**
 * An element's `outerHTML` as browsers and jsdom write it: for a linkedom element (the charts
 * drawn in Node) the SVG is written here, for any other the DOM's own.
 */
export function chartMarkup(el: Element): string {
  if (!linkedomDocument || el.ownerDocument !== linkedomDocument) return el.outerHTML;
  const out: string[] = [];
  serialise(el, out);
  return out.join('');
}
