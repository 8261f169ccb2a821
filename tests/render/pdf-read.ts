/**
 * Reads a produced PDF back with pdf.js (Mozilla's PDF reader, the legacy build for Node): the
 * text of each page as a reader would select it, the page sizes, the document info, and the
 * fonts as they are declared in the file.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface ReadPdf {
  pages: string[];
  /** [width, height] in points, per page. */
  sizes: [number, number][];
  info: Record<string, unknown>;
  /** The file as Latin-1 text, for looking at its (uncompressed) dictionaries. */
  raw: string;
  /** All pages' text, spaces and line breaks collapsed to single spaces. */
  text: string;
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const raw = Buffer.from(bytes).toString('latin1');
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  const sizes: [number, number][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    sizes.push([x1 - x0, y1 - y0]);
    const content = await page.getTextContent();
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str + (item.hasEOL ? '\n' : '');
    }
    pages.push(text);
  }
  const { info } = await pdf.getMetadata();
  await pdf.destroy();
  const text = pages.join('\n').replace(/\s+/g, ' ');
  return { pages, sizes, info: info as Record<string, unknown>, raw, text };
}

/** Where each of `needles` first occurs in `text`; -1 when missing. */
export function positionsOf(text: string, needles: readonly string[]): number[] {
  return needles.map((n) => text.indexOf(n));
}
