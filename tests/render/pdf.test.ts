/**
 * The PDF renderer on hand-built visit documents, read back with pdf.js: sections in order, tiers
 * urgent first, page furniture, page sizes, embedded fonts, non-Latin text, missing scripts,
 * clean page breaks on a long document, and the same bytes every time.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { formatPdfReport } from '../../src/render/pdf/format-pdf.ts';
import PDFDocument from 'pdfkit';
import { MISSING_TEXT, loadFonts, replaceMissingGlyphs } from '../../src/render/pdf/fonts.ts';
import { PdfLayout } from '../../src/render/pdf/layout.ts';
import type { VisitDocument } from '../../src/report/document.ts';
import { CJK_NOTE, NON_LATIN_NOTES, makeVisitDocument } from './pdf-fixture.ts';
import { positionsOf, readPdf, type ReadPdf } from './pdf-read.ts';

async function render(doc: VisitDocument, paper: 'a4' | 'letter' = 'a4'): Promise<Uint8Array> {
  return await formatPdfReport(doc, { paper });
}

let short: { bytes: Uint8Array; pdf: ReadPdf };
let long: { bytes: Uint8Array; pdf: ReadPdf };

beforeAll(async () => {
  const shortBytes = await render(makeVisitDocument({ explain: true }));
  const longBytes = await render(makeVisitDocument({ long: true, explain: true }));
  short = { bytes: shortBytes, pdf: await readPdf(shortBytes) };
  long = { bytes: longBytes, pdf: await readPdf(longBytes) };
}, 60_000);

describe('content and order', () => {
  test('every section appears, in the order of the visit document', () => {
    const sections = [
      'cyclecheck report for a clinician visit',
      'Read with care',
      '4 findings: 1 urgent, 1 soon, 1 next visit, 1 info.',
      'About you',
      'What was read',
      'Cycles counted',
      'Findings, most urgent first',
      'What was checked and not flagged',
      'For the visit: checklist',
      'Calendar of the months with findings',
      'Cycle lengths',
      'What the log could not tell',
      'Other notes',
      '[1] Tarney CM, Han J.',
      'cyclecheck is informational, not a diagnosis.',
    ];
    const at = positionsOf(short.pdf.text, sections);
    expect(at.every((n) => n >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  test('page 1 holds who and what was read, the cycle summary and the headline', () => {
    const first = short.pdf.pages[0]!.replace(/\s+/g, ' ');
    for (const text of ['Zoë Łukasiewicz', 'log.csv (cyclecheck CSV)', 'Average length 29 days']) {
      expect(first).toContain(text);
    }
    expect(first).toContain('!!! URGENT × 1');
  });

  test('findings print urgent first even when the document lists them otherwise', () => {
    const text = short.pdf.text;
    const at = positionsOf(text, [
      '!!! URGENT Bleeding after menopause',
      '!! SOON Bleeding after sex',
      '! NEXT VISIT Heavy period',
      'i INFO Mid-cycle spotting',
    ]);
    expect(at.every((n) => n >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  test('a finding shows its dates, why, the person’s notes and its sources by name', () => {
    const text = short.pdf.text;
    const start = text.indexOf('Bleeding after menopause: 2025-01-12');
    const finding = text.slice(start, text.indexOf('!! SOON', start));
    expect(finding).toContain('2025-01-12, cycle day 12');
    expect(finding).toContain('Why bleeding after menopause was flagged.');
    expect(finding).toContain('Sources: [1] Tarney & Han 2014');
    for (const note of NON_LATIN_NOTES) expect(finding).toContain(`“${note}”`);
  });

  test('the checklist keeps the person’s figures; explain shows what was set aside', () => {
    expect(short.pdf.text).toContain('2025-03-12 spotting, cycle day 13');
    expect(short.pdf.text).toContain('You wrote: it was bright red');
    // The label is the renderer's, once: the builder gives only the sentence.
    expect(short.pdf.text).toContain('Start the visit with: bleeding after menopause on 12 March.');
    expect(short.pdf.text).not.toContain('Start the visit with: Start');
    expect(short.pdf.text).toContain('2025-02-14: Spotting set aside');
  });

  test('without explain there is no explain section', async () => {
    const pdf = await readPdf(await render(makeVisitDocument()));
    expect(pdf.text).not.toContain('What was checked and not flagged');
    expect(pdf.text).toContain('For the visit: checklist');
  });

  test('the calendar has its month, markers and legend; the chart its band and marks', () => {
    const text = short.pdf.text;
    expect(text).toContain('March 2025');
    expect(text).toContain('H heavy flow');
    expect(text).toContain('!!! urgent');
    expect(text).toContain('usual range 24–38 days');
    expect(text).toContain('45 *');
    expect(text).not.toContain('28 *');
  });
});

describe('pages', () => {
  test('every page says page X of Y and the evaluation date', () => {
    const pages = long.pdf.pages;
    expect(pages.length).toBeGreaterThan(5);
    pages.forEach((page, i) => {
      expect(page).toContain(`page ${i + 1} of ${pages.length}`);
      expect(page).toContain('evaluated on 2025-06-30');
    });
  });

  test('a long document has more pages than a short one', () => {
    expect(long.pdf.pages.length).toBeGreaterThan(short.pdf.pages.length + 3);
  });

  test('no page ends with a section heading', () => {
    const headings = [
      'Findings, most urgent first',
      'For the visit: checklist',
      'Calendar of the months with findings',
      'Cycle lengths',
      'What the log could not tell',
      'Sources',
    ];
    for (const page of long.pdf.pages) {
      const lines = page
        .split('\n')
        .map((l) => l.trim())
        .filter(
          (l) => l !== '' && !/page \d+ of \d+/.test(l) && !l.startsWith('cyclecheck report'),
        );
      expect(headings).not.toContain(lines.at(-1));
    }
  });

  test('a finding heading or a label in it is never the last line of a page', () => {
    for (const page of long.pdf.pages) {
      const lines = page
        .split('\n')
        .map((l) => l.trim())
        .filter(
          (l) => l !== '' && !/page \d+ of \d+/.test(l) && !l.startsWith('cyclecheck report'),
        );
      expect(lines.at(-1) ?? '').not.toMatch(/^(!!!|!!|!|i) (URGENT|SOON|NEXT VISIT|INFO) /);
      expect(['When', 'When (each time)', 'Why it was flagged', 'Your own notes']).not.toContain(
        lines.at(-1),
      );
    }
  });

  test('every bar of the cycle chart is whole on one page: its date beside its length', () => {
    const doc = makeVisitDocument({ long: true });
    const text = long.pdf.pages.join('\n');
    for (const cycle of doc.cycleChart!.cycles) {
      expect(text).toMatch(new RegExp(`${cycle.start}\\s*\\n?${cycle.length}\\b`));
    }
    // The scale is repeated at the top of each page the chart spans.
    const chartPages = long.pdf.pages.filter((page) =>
      /\d{4}-\d{2}-\d{2}\s*\n?\d{2} \*/.test(page),
    );
    expect(chartPages.length).toBeGreaterThan(1);
    for (const page of chartPages) expect(page).toContain('Cycle began');
  });

  test('text placed at the foot of a page stays there; only text taller than a page flows on', async () => {
    const fonts = await loadFonts();
    const pdf = new PDFDocument({ size: 'A4', bufferPages: true, font: null as unknown as string });
    pdf.registerFont('regular', fonts.regular as unknown as Buffer);
    const layout = new PdfLayout(pdf, fonts.hasGlyph);
    layout.textAt('2020-11-21', layout.left, layout.bottom - 2, { size: 7.5 });
    expect(pdf.bufferedPageRange().count).toBe(1);
    layout.textAt('a long note. '.repeat(2000), layout.left, layout.top);
    expect(pdf.bufferedPageRange().count).toBeGreaterThan(1);
  });

  test('a note longer than a page starts where it is and flows on, without empty pages', async () => {
    const note = 'word '.repeat(3000) + 'END';
    const pdf = await readPdf(await render(makeVisitDocument({ notes: [note] })));
    expect(pdf.text.match(/word END”/g)?.length).toBe(4);
    for (const page of pdf.pages) {
      const lines = page.split('\n').filter((l) => l.trim() !== '');
      expect(lines.length).toBeGreaterThan(4);
    }
  });

  test('A4 by default, US Letter on request', async () => {
    for (const [w, h] of short.pdf.sizes) {
      expect(Math.round(w)).toBe(595);
      expect(Math.round(h)).toBe(842);
    }
    const letter = await readPdf(await render(makeVisitDocument(), 'letter'));
    for (const size of letter.sizes) expect(size).toEqual([612, 792]);
  });
});

describe('fonts and text', () => {
  test('Noto Sans is embedded as subsets; no standard (unembedded) font is used', () => {
    const raw = short.pdf.raw;
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Bold/);
    expect(raw.match(/\/FontFile2 /g)?.length).toBe(2);
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
    // A subset, not the whole 630 kB font.
    expect(short.bytes.length).toBeLessThan(200_000);
  });

  test('a script the font lacks prints as […] and is reported once, never as garbage', async () => {
    let calls = 0;
    const bytes = await formatPdfReport(makeVisitDocument({ notes: [CJK_NOTE, 'مرحبا'] }), {
      paper: 'a4',
      onMissingGlyphs: () => (calls += 1),
    });
    const pdf = await readPdf(bytes);
    expect(calls).toBe(1);
    expect(pdf.text).toContain(`“${MISSING_TEXT} after sex”`);
    expect(pdf.text).toContain(`“${MISSING_TEXT}”`);
    expect(pdf.text).not.toContain('出血');
  });

  test('text the font covers is not reported', async () => {
    let calls = 0;
    await formatPdfReport(makeVisitDocument(), { paper: 'a4', onMissingGlyphs: () => calls++ });
    expect(calls).toBe(0);
  });

  test('replaceMissingGlyphs keeps what it can and folds each missing run into one mark', () => {
    const has = (cp: number): boolean => cp < 0x3000;
    expect(replaceMissingGlyphs('a 出血 b 出', has)).toEqual({
      text: `a ${MISSING_TEXT} b ${MISSING_TEXT}`,
      missing: true,
    });
    expect(replaceMissingGlyphs('Юлия ≥ 2', (cp) => cp !== 0x2265)).toEqual({
      text: 'Юлия >= 2',
      missing: false,
    });
    // Invisible characters without a glyph vanish; an emoji sequence is one missing run.
    expect(
      replaceMissingGlyphs('Zo\u200Bë\u00AD ok 👩\u200D👩 x', (cp) => cp < 0x2000 && cp !== 0xad),
    ).toEqual({
      text: `Zoë ok ${MISSING_TEXT} x`,
      missing: true,
    });
    // Right-to-left letters would print backwards: treated as missing even with glyphs.
    expect(replaceMissingGlyphs('שלום x', () => true).text).toBe(`${MISSING_TEXT} x`);
  });
});

describe('metadata and determinism', () => {
  test('title, subject, producer, language and the evaluation date as creation date', () => {
    const { info, raw } = short.pdf;
    expect(info.Title).toBe('cyclecheck report for a clinician visit');
    expect(String(info.Subject)).toContain('2025-06-30');
    expect(info.Producer).toBe('cyclecheck 0.1.0');
    expect(info.Language).toBe('en');
    expect(info.CreationDate).toBe('D:20250630000000Z');
    expect(raw).toContain('/Lang (en)');
  });

  test('the same document gives the same bytes; another gives another id', async () => {
    const again = await render(makeVisitDocument({ explain: true }));
    expect(Buffer.from(again).equals(Buffer.from(short.bytes))).toBe(true);
    const id = (raw: string): string | undefined => /\/ID \[<([0-9a-f]+)>/.exec(raw)?.[1];
    const other = Buffer.from(await render(makeVisitDocument())).toString('latin1');
    expect(id(short.pdf.raw)).toMatch(/^[0-9a-f]{32}$/);
    expect(id(other)).not.toBe(id(short.pdf.raw));
  });

  test('no evaluation date: no creation date at all, not the clock', async () => {
    const pdf = await readPdf(await render({ ...makeVisitDocument(), evaluatedOn: null }));
    expect(pdf.info.CreationDate).toBeUndefined();
    expect(pdf.pages[0]).toContain('no evaluation date');
  });
});
