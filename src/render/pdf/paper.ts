/** Paper sizes for `--paper` (kept apart from the renderer so --help does not load PDFKit). */
export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/** The message printed once when some text could not be drawn in the PDF's font. */
export const MISSING_GLYPHS_NOTE =
  "some text holds characters the PDF's font cannot show (it covers Latin, Greek and Cyrillic, " +
  'not e.g. Chinese, Japanese, Korean, Arabic or Hebrew); they are printed as […]. --to html shows them.';
