/**
 * The fonts the PDF embeds: Noto Sans regular and bold (SIL Open Font License, which allows
 * embedding), from the @expo-google-fonts/noto-sans package. One font file covers Latin, Greek and
 * Cyrillic, so "Zoë", "Łódź", "Ελένη" and "Юлия" print as written. The build copies both files into
 * dist/fonts/ (scripts/build.mjs), because a bundle cannot hold them; from the sources (tests, a
 * fresh clone before building) they are read from node_modules.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { create as createFont, type Font } from 'fontkit';

export const FONT_FILES = {
  regular: { dist: 'NotoSans-Regular.ttf', package: '400Regular/NotoSans_400Regular.ttf' },
  bold: { dist: 'NotoSans-Bold.ttf', package: '700Bold/NotoSans_700Bold.ttf' },
} as const;

export const FONT_PACKAGE = '@expo-google-fonts/noto-sans';

export type FontStyle = keyof typeof FONT_FILES;

export interface LoadedFonts {
  /**
   * Parsed once per process and handed to PDFKit as they are: parsing a font's layout tables is
   * most of what a small PDF costs, and a batch writes many.
   */
  regular: Font;
  bold: Font;
  /** Whether the fonts have a glyph for this code point (both cover the same characters). */
  hasGlyph(codePoint: number): boolean;
}

/** Where a font file is: beside the bundle (dist/fonts), else in the font package. */
function getFontPaths(style: FontStyle): string[] {
  const files = FONT_FILES[style];
  const paths = [fileURLToPath(new URL(`./fonts/${files.dist}`, import.meta.url))];
  try {
    paths.push(createRequire(import.meta.url).resolve(`${FONT_PACKAGE}/${files.package}`));
  } catch {
    // Not installed (an installed cyclecheck has only dist/fonts).
  }
  return paths;
}

async function readFontFile(style: FontStyle): Promise<Buffer> {
  for (const path of getFontPaths(style)) {
    try {
      return await readFile(path);
    } catch {
      // Try the next place.
    }
  }
  throw new Error(
    `the PDF font ${FONT_FILES[style].dist} is missing from this installation (expected in dist/fonts/)`,
  );
}

/**
 * The font with its OpenType layout tables (GSUB, GPOS) renamed in the table directory, so fontkit
 * lays text out glyph by glyph (advance widths; marks placed by their Unicode class) instead of
 * shaping every word: parsing those tables and shaping were most of a PDF's time, and the scripts
 * printed here (Latin, Greek, Cyrillic) need neither; kerning and ligatures are what is lost. The
 * embedded subsets never held those tables anyway.
 */
export function withoutLayoutTables(font: Buffer): Buffer {
  const copy = Buffer.from(font);
  const tables = copy.readUInt16BE(4);
  for (let i = 0; i < tables; i++) {
    const at = 12 + i * 16;
    const tag = copy.toString('latin1', at, at + 4);
    if (tag === 'GSUB' || tag === 'GPOS')
      copy.write(tag === 'GSUB' ? 'xSUB' : 'xPOS', at, 'latin1');
  }
  return copy;
}

let cached: Promise<LoadedFonts> | undefined;

/** Reads both fonts once per process (a batch worker writes many PDFs). */
export function loadFonts(): Promise<LoadedFonts> {
  cached ??= (async () => {
    const [regular, bold] = (
      await Promise.all([readFontFile('regular'), readFontFile('bold')])
    ).map((bytes) => createFont(withoutLayoutTables(bytes)) as Font) as [Font, Font];
    return { regular, bold, hasGlyph: (cp) => regular.hasGlyphForCodePoint(cp) };
  })();
  return cached;
}

/** Shown instead of a run of characters the font cannot draw. */
export const MISSING_TEXT = '[…]';

/**
 * Right-to-left scripts would need bidirectional layout, which the PDF library does not do: their
 * letters would print in the wrong order. They are treated as missing even if a font had them.
 */
function isRightToLeft(cp: number): boolean {
  return (
    (cp >= 0x0590 && cp <= 0x08ff) ||
    (cp >= 0xfb1d && cp <= 0xfdff) ||
    (cp >= 0xfe70 && cp <= 0xfeff)
  );
}

/**
 * Characters that show nothing by themselves (zero-width spaces and joiners, soft hyphens,
 * direction marks, variation selectors, tags): without a glyph they are dropped, not marked.
 */
function isInvisible(cp: number): boolean {
  return (
    cp === 0x00ad ||
    cp === 0x034f ||
    cp === 0x061c ||
    (cp >= 0x180b && cp <= 0x180f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    (cp >= 0xe0000 && cp <= 0xe0fff)
  );
}

/** Plain stand-ins for symbols the report's own words use and Noto Sans lacks. */
const STAND_INS: Readonly<Record<string, string>> = {
  '≥': '>=',
  '≤': '<=',
  '→': '->',
  '←': '<-',
  '≈': '~',
  '−': '-',
  '✓': 'yes',
  '☐': '[ ]',
};

/**
 * `text` with each run of characters the font lacks replaced by MISSING_TEXT, and whether any
 * was. Spaces and line breaks always print.
 */
export function replaceMissingGlyphs(
  text: string,
  hasGlyph: (codePoint: number) => boolean,
): { text: string; missing: boolean } {
  let out = '';
  let missing = false;
  let inRun = false;
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    const printable = cp === 0x20 || cp === 0x0a || (!isRightToLeft(cp) && hasGlyph(cp));
    const standIn = printable ? undefined : STAND_INS[char];
    if (printable || standIn !== undefined) {
      out += standIn ?? char;
      inRun = false;
    } else if (!inRun && !isInvisible(cp)) {
      // An invisible character without a glyph is dropped; inside a missing run it is part of it.
      out += MISSING_TEXT;
      missing = true;
      inRun = true;
    }
  }
  return { text: out, missing };
}
