/**
 * A small flow layout over PDFKit. Everything the document draws goes through here, so that page
 * breaks are decided in one place: a block is measured before it is drawn and moved whole to the
 * next page when it does not fit (no table row or calendar month split across pages), and a
 * heading is only drawn where its first block fits after it (no heading alone at a page foot).
 */
import { replaceMissingGlyphs, type FontStyle } from './fonts.ts';

export const INK = '#1b1b1b';
export const MUTED = '#4d4d4d';
export const FAINT = '#f2f2f2';
export const RULE = '#8c8c8c';

export interface TextStyle {
  style?: FontStyle;
  size?: number;
  color?: string;
  /** Extra left indent in points. */
  indent?: number;
  /** Width in points (default: the rest of the line after the indent). */
  width?: number;
  align?: 'left' | 'right' | 'center';
  /** Space after the text, in points. */
  after?: number;
}

export const BODY_SIZE = 9.5;
/** Where a block taller than a page may start: with room for about three lines. */
const FLOW_START = 40;
const LINE_GAP = 1.5;

export class PdfLayout {
  readonly doc: PDFKit.PDFDocument;
  readonly left: number;
  readonly width: number;
  readonly top: number;
  /** The lowest y the flow may reach; the footer lives below it. */
  readonly bottom: number;
  private readonly hasGlyph: (codePoint: number) => boolean;
  /** Set once some text held characters the font cannot draw. */
  missingGlyphs = false;

  constructor(doc: PDFKit.PDFDocument, hasGlyph: (codePoint: number) => boolean) {
    this.doc = doc;
    const margins = doc.page.margins;
    this.left = margins.left;
    this.width = doc.page.width - margins.left - margins.right;
    this.top = margins.top;
    this.bottom = doc.page.height - margins.bottom;
    this.hasGlyph = hasGlyph;
  }

  get y(): number {
    return this.doc.y;
  }

  set y(value: number) {
    this.doc.y = value;
  }

  /** The room left on this page. */
  get room(): number {
    return this.bottom - this.doc.y;
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
    this.doc.y = this.top;
  }

  /** Pages so far; a change tells that text flowed on to a new page. */
  get pageCount(): number {
    return this.doc.bufferedPageRange().count;
  }

  /**
   * The room a block needs where it starts: all of it, or, for a block taller than a page (a
   * very long note), a few lines, the rest flowing on to the next pages.
   */
  getPlaceHeight(height: number): number {
    return height > this.bottom - this.top ? FLOW_START : height;
  }

  /** Starts a new page unless `height` fits here (or the page is still empty). */
  ensure(height: number): void {
    if (height > this.room && this.doc.y > this.top + 1) this.newPage();
  }

  gap(points: number): void {
    // Space at a page's top is wasted; at its foot it may push the next block over, which ensure does.
    if (this.doc.y > this.top + 1) this.doc.y = Math.min(this.doc.y + points, this.bottom);
  }

  /** Text the font can print: each run of missing characters becomes "[…]". */
  printable(text: string): string {
    const result = replaceMissingGlyphs(text, this.hasGlyph);
    if (result.missing) this.missingGlyphs = true;
    return result.text;
  }

  private apply(style: TextStyle): void {
    this.doc
      .font(style.style ?? 'regular')
      .fontSize(style.size ?? BODY_SIZE)
      .fillColor(style.color ?? INK);
  }

  private textWidth(style: TextStyle): number {
    return style.width ?? this.width - (style.indent ?? 0);
  }

  measure(text: string, style: TextStyle = {}): number {
    this.apply(style);
    const height = this.doc.heightOfString(this.printable(text), {
      width: this.textWidth(style),
      lineGap: LINE_GAP,
    });
    return height + (style.after ?? 0);
  }

  /** Draws text at the flow position (moved to a new page first if it does not fit). */
  text(text: string, style: TextStyle = {}): void {
    this.ensure(this.getPlaceHeight(this.measure(text, style)));
    this.textAt(text, this.left + (style.indent ?? 0), this.doc.y, style);
    this.doc.y += style.after ?? 0;
  }

  /** Draws text at a fixed place; the flow position ends below it. */
  textAt(text: string, x: number, y: number, style: TextStyle = {}): void {
    const printable = this.printable(text);
    this.apply(style);
    const options = { width: this.textWidth(style), lineGap: LINE_GAP };
    // Where it was placed, text stays: PDFKit would otherwise start a new page when a line's
    // leading reaches past the bottom margin, leaving a chart bar or a calendar row behind. Only
    // text taller than a whole page (a very long note) may flow on to the next.
    const pageHeight = this.bottom - this.top;
    // Even one character per line would fit: no need to measure (most labels and values).
    const surely = printable.length * (this.doc.currentLineHeight(true) + LINE_GAP) <= pageHeight;
    const fitsOnAPage = surely || this.doc.heightOfString(printable, options) <= pageHeight;
    this.doc.text(printable, x, y, {
      ...options,
      align: style.align ?? 'left',
      ...(fitsOnAPage ? { height: this.doc.page.height - y } : {}),
    });
  }

  /** A section heading, kept on the page with the first `keepWith` points that follow it. */
  heading(text: string, keepWith: number, level: 1 | 2 = 1): void {
    const size = level === 1 ? 13 : 11;
    const height = this.measure(text, { style: 'bold', size }) + (level === 1 ? 8 : 4);
    this.gap(level === 1 ? 12 : 6);
    this.ensure(height + keepWith);
    this.text(text, { style: 'bold', size, after: level === 1 ? 2 : 3 });
    if (level === 1) {
      this.doc
        .moveTo(this.left, this.doc.y)
        .lineTo(this.left + this.width, this.doc.y)
        .lineWidth(1.2)
        .strokeColor(INK)
        .stroke();
      this.doc.y += 6;
    }
  }

  /** Label/value rows in two columns; each row is kept whole. */
  facts(rows: readonly { label: string; value: string }[], labelWidth = 120): void {
    for (const row of rows) {
      const valueStyle: TextStyle = { indent: labelWidth };
      const height = Math.max(
        this.measure(row.label, { style: 'bold', width: labelWidth - 8 }),
        this.measure(row.value, valueStyle),
      );
      this.ensure(height + 2);
      const y = this.doc.y;
      this.textAt(row.label, this.left, y, { style: 'bold', width: labelWidth - 8 });
      this.textAt(row.value, this.left + labelWidth, y, valueStyle);
      this.doc.y = y + height + 2;
    }
  }
}
