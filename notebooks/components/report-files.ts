/**
 * The calculator's downloads, built in the browser by the library's own report code (the same
 * functions `samnytta report` uses): results JSON as `samnytta calc --format json` prints it, the
 * report as HTML, XLSX, Markdown with PNG charts (one ZIP) and JSON, and PDF through the
 * browser's print dialog. Nothing is sent anywhere: files are handed to the browser as blobs.
 */
import { evaluate, toResultJson, type Catalog, type Ledger, type Project, type Result } from '../../lib/index.js';
import { projectReport, REPORT_FILES, type ReportFile, type ReportFormat } from '../../lib/report/build-report.js';
import { zipStored } from './zip.js';

/** A chart's SVG as PNG at `scale` ×, drawn on a canvas (the browser's side of resvg). */
export async function svgToPngInBrowser(svg: string, scale = 2): Promise<Uint8Array> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(img.naturalWidth * scale);
  canvas.height = Math.round(img.naturalHeight * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((ok) => canvas.toBlob(ok, 'image/png'));
  if (!blob) throw new Error('diagrammet kunde inte ritas som PNG');
  return new Uint8Array(await blob.arrayBuffer());
}

/** Hands bytes or text to the browser as a download (a blob URL; nothing leaves the machine). */
export function download(name: string, data: string | Uint8Array, type: string): void {
  const blob = new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The results JSON, byte for byte what `samnytta calc --format json` prints. */
export function resultJsonText(result: Result): string {
  return JSON.stringify(toResultJson(result, 'sv'), null, 2) + '\n';
}

const TYPES: Record<string, string> = {
  html: 'text/html;charset=utf-8', json: 'application/json', md: 'application/zip',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Builds one report format and downloads it (Markdown as a ZIP with its `diagram/` PNGs). */
export async function downloadReport(format: Exclude<ReportFormat, 'pdf'>, project: Project, catalog: Catalog, datum: string): Promise<void> {
  const { files } = await projectReport(project, catalog, { formats: [format], lang: 'sv', datum }, svgToPngInBrowser);
  if (format === 'md') {
    download(REPORT_FILES.md.replace(/\.md$/, '.zip'), zipStored(files, datum), TYPES.md);
    return;
  }
  const file = files.find((f: ReportFile) => f.path === REPORT_FILES[format])!;
  download(file.path, file.data, TYPES[format]);
}

/**
 * Prints the report's HTML (the page `samnytta report` turns into its PDF, with its print
 * stylesheet) through the browser's print dialog, where "Spara som PDF" writes the PDF.
 */
export async function printReport(project: Project, catalog: Catalog, datum: string): Promise<void> {
  const { html } = await projectReport(project, catalog, { formats: ['html'], lang: 'sv', datum }, svgToPngInBrowser);
  const frame = Object.assign(document.createElement('iframe'), { title: 'Rapport för utskrift', id: 'utskrift' });
  frame.style.cssText = 'position: fixed; width: 0; height: 0; border: 0; right: 0; bottom: 0;';
  document.body.append(frame);
  frame.srcdoc = html;
  await new Promise((ok) => frame.addEventListener('load', ok, { once: true }));
  frame.contentWindow!.focus();
  frame.contentWindow!.print();
  setTimeout(() => frame.remove(), 60_000);
}

/** A loaded project priced and evaluated, as `samnytta calc` does it. */
export function calculateLoaded(l: { project: Project; ledger: Ledger }, catalog: Catalog): { project: Project; result: Result } {
  return { project: l.project, result: evaluate(l.ledger, l.project, catalog) };
}
