/**
 * The visit document as a PDF: the same sections in the same order as the HTML report,
 * laid out for A4 or US Letter, with real, selectable text in embedded, subset Noto Sans.
 *
 * Loaded only for `--to pdf`: the build puts this module and PDFKit in a bundle of their own
 * (dist/pdf.cjs), so other runs neither read nor parse them.
 *
 * Deterministic: the same document and options give the same bytes on any machine and in any
 * time zone. The creation date is the evaluation date (UTC midnight) or absent, the document id
 * is a hash of the content, and PDFKit's font subset tags come from the font's id, not chance.
 */
import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { CycleLog } from '../../core/log.ts';
import { writeOutputFile } from '../../io/write-output.ts';
import type { VisitDocument } from '../../report/document.ts';
import type { Report } from '../../report/types.ts';
import { drawCalendar } from './calendar.ts';
import { drawCycleChart } from './cycle-chart.ts';
// TEMPORARY: replaced by '../../report/build-document.ts' when the document builder lands.
import { buildVisitDocument } from '../../report/build-document.ts';
import { loadFonts } from './fonts.ts';
import { MUTED, PdfLayout } from './layout.ts';
import type { PaperSize } from './paper.ts';
import {
  drawChecklist,
  drawDisclaimer,
  drawExplain,
  drawFindings,
  drawHeader,
  drawHeadline,
  drawNotes,
  drawQuestions,
  drawSources,
  drawSummary,
  drawWarnings,
} from './sections.ts';

export { MISSING_GLYPHS_NOTE, PAPER_SIZES, type PaperSize } from './paper.ts';

export interface PdfOptions {
  paper: PaperSize;
  /**
   * Called once when some text holds characters the font cannot draw (CJK, Arabic, emoji); they
   * are printed as "[…]".
   */
  onMissingGlyphs?: () => void;
}

const PAGE_SIZE: Record<PaperSize, 'A4' | 'LETTER'> = { a4: 'A4', letter: 'LETTER' };
const MARGIN = { top: 48, bottom: 54, left: 50, right: 50 };

/** PDF dates are read in UTC here; the evaluation date is a calendar day, so midnight UTC. */
function getCreationDate(doc: VisitDocument): Date | undefined {
  return doc.evaluatedOn === null ? undefined : new Date(`${doc.evaluatedOn}T00:00:00Z`);
}

function createDocument(doc: VisitDocument, options: PdfOptions): PDFKit.PDFDocument {
  const created = getCreationDate(doc);
  const pdf = new PDFDocument({
    size: PAGE_SIZE[options.paper],
    margins: MARGIN,
    bufferPages: true,
    // No default font: PDFKit would load Helvetica's metrics, which the bundle does not carry.
    font: null as unknown as string,
    lang: 'en',
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: doc.title,
      Subject: `Findings to discuss with a clinician, from a cycle log evaluated on ${doc.evaluatedOn ?? 'no date'}`,
      Producer: doc.producer,
      Creator: doc.producer,
      ...(created === undefined ? {} : { CreationDate: created, ModDate: created }),
    },
  });
  if (created === undefined) {
    // No evaluation date, so no honest date to give: none in the info dictionary, and no XMP
    // packet (PDFKit's needs a creation date; it repeats the info dictionary, nothing more).
    delete (pdf.info as { CreationDate?: Date }).CreationDate;
    (pdf as unknown as { endMetadata: () => void }).endMetadata = () => undefined;
  }
  // The file id from the content, not from the clock (PDFKit derives it from the info dates).
  const id = createHash('sha256')
    .update(JSON.stringify({ doc, paper: options.paper }))
    .digest()
    .subarray(0, 16);
  (pdf as unknown as { _id: Buffer })._id = Buffer.from(id);
  return pdf;
}

/** "page X of Y" and the evaluation date at the foot of every page. */
function drawFooters(layout: PdfLayout, doc: VisitDocument): void {
  const pdf = layout.doc;
  const { start, count } = pdf.bufferedPageRange();
  const evaluated =
    doc.evaluatedOn === null ? 'no evaluation date' : `evaluated on ${doc.evaluatedOn}`;
  for (let i = start; i < start + count; i++) {
    pdf.switchToPage(i);
    // Text below the bottom margin would make PDFKit start a new page.
    const margins = pdf.page.margins;
    const bottom = margins.bottom;
    margins.bottom = 0;
    const y = pdf.page.height - bottom + 18;
    pdf
      .moveTo(layout.left, y - 5)
      .lineTo(layout.left + layout.width, y - 5)
      .lineWidth(0.5)
      .strokeColor('#8c8c8c')
      .stroke();
    const name = doc.summary.name === null ? '' : ` · ${doc.summary.name}`;
    layout.textAt(`${doc.title}${name} · ${evaluated}`, layout.left, y, {
      size: 7.5,
      color: MUTED,
      width: layout.width - 80,
    });
    layout.textAt(`page ${i - start + 1} of ${count}`, layout.left + layout.width - 80, y, {
      size: 7.5,
      color: MUTED,
      width: 80,
      align: 'right',
    });
    margins.bottom = bottom;
  }
}

function collectBytes(pdf: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
  });
}

/** The visit document as PDF bytes. */
export async function formatPdfReport(
  doc: VisitDocument,
  options: PdfOptions,
): Promise<Uint8Array> {
  const fonts = await loadFonts();
  const pdf = createDocument(doc, options);
  // PDFKit takes a parsed fontkit font as it is (its types only know file names and bytes).
  pdf.registerFont('regular', fonts.regular as unknown as Buffer);
  pdf.registerFont('bold', fonts.bold as unknown as Buffer);
  pdf.font('regular');
  const bytes = collectBytes(pdf);
  const layout = new PdfLayout(pdf, fonts.hasGlyph);

  drawHeader(layout, doc);
  drawWarnings(layout, doc);
  drawHeadline(layout, doc);
  drawSummary(layout, doc);
  drawFindings(layout, doc);
  drawExplain(layout, doc);
  drawChecklist(layout, doc);
  drawCalendar(layout, doc);
  drawCycleChart(layout, doc);
  drawQuestions(layout, doc);
  drawNotes(layout, doc);
  drawSources(layout, doc);
  drawDisclaimer(layout, doc);
  drawFooters(layout, doc);

  if (layout.missingGlyphs) options.onMissingGlyphs?.();
  pdf.end();
  return await bytes;
}

export interface ReportPdfOptions extends PdfOptions {
  explain?: boolean;
}

/** A report and its log → the visit document → PDF bytes (what analyze, batch and the interview use). */
export async function formatPdfFromReport(
  report: Report,
  log: CycleLog,
  options: ReportPdfOptions,
): Promise<Uint8Array> {
  const doc = buildVisitDocument(report, log, { explain: options.explain === true });
  return await formatPdfReport(doc, options);
}

export interface WritePdfOptions extends ReportPdfOptions {
  /** Replace an existing file (otherwise exit 2 with a hint, as for every file cyclecheck writes). */
  force: boolean;
}

/**
 * Renders the report as a PDF and writes it with the project's safe writer: mode 0600, a
 * temporary file renamed into place, no overwrite without `force`. For the interview's save step.
 */
export async function writePdfDocument(
  path: string,
  report: Report,
  log: CycleLog,
  options: WritePdfOptions,
): Promise<void> {
  const bytes = await formatPdfFromReport(report, log, options);
  await writeOutputFile(path, bytes, { force: options.force });
}
