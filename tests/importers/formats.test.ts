import { describe, expect, test } from 'vitest';
import { formatFormatsJson, formatFormatsText } from '../../src/commands/formats.ts';
import { FORMAT_DOCS } from '../../src/importers/format-docs.ts';
import { FORMATS, FORMAT_IDS } from '../../src/importers/registry.ts';

describe('cyclecheck formats', () => {
  test('documents every supported format, in the registry order', () => {
    expect(FORMAT_DOCS.map((d) => d.id)).toEqual([...FORMAT_IDS]);
    expect(FORMATS.map((f) => f.id)).toEqual([...FORMAT_IDS]);
  });

  test('every app format says how to export it, what is mapped and what is dropped', () => {
    for (const doc of FORMAT_DOCS.filter((d) => d.id !== 'csv' && d.id !== 'json')) {
      expect(doc.export).toMatch(/→/);
      expect(doc.mapped.length).toBeGreaterThan(0);
      expect(doc.dropped.length).toBeGreaterThan(0);
    }
  });

  test('Flo is the one experimental, low-confidence format, in the registry and the docs', () => {
    expect(FORMAT_DOCS.filter((d) => d.experimental).map((d) => [d.id, d.confidence])).toEqual([
      ['flo', 'low'],
    ]);
    expect(FORMATS.filter((f) => f.experimental).map((f) => f.id)).toEqual(['flo']);
  });

  test('the Periodical intensity choice is written down', () => {
    const periodical = FORMAT_DOCS.find((d) => d.id === 'periodical')!;
    expect(periodical.mapped.join(' ')).toContain(
      'intensity 1 → light, 2 and 3 → medium, 4 (strong) → heavy',
    );
    expect(periodical.choices.join(' ')).toContain('not spotting');
  });

  test('the text fits 80 columns and names each format with its --from id', () => {
    const text = formatFormatsText();
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    for (const doc of FORMAT_DOCS)
      expect(text).toContain(`${doc.name} (--from ${doc.id}; confidence: ${doc.confidence}`);
    expect(text).toContain('Flo (--from flo; confidence: low, experimental)');
  });

  test('--json is a parseable document', () => {
    const parsed = JSON.parse(formatFormatsJson());
    expect(parsed.format).toBe('cyclecheck-formats/1');
    expect(parsed.formats.map((f: { id: string }) => f.id)).toEqual([...FORMAT_IDS]);
  });
});
