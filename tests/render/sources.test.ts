import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/rules/catalogue.ts';
import { SOURCES, getCitedSources, getSource, sortByAuthority } from '../../src/report/sources.ts';

describe('sources', () => {
  it('has a full title for every source tag the rule catalogue cites', () => {
    const tags = new Set(RULES.flatMap((r) => r.sources));
    expect(tags.size).toBeGreaterThan(10);
    for (const tag of tags) {
      const source = SOURCES.get(tag);
      expect(source, tag).toBeDefined();
      expect(source?.title.length, tag).toBeGreaterThan(source?.tag.length ?? 0);
    }
  });

  it('keeps addresses as absolute http(s) URLs without spaces', () => {
    for (const source of SOURCES.values()) {
      for (const url of source.urls) expect(url).toMatch(/^https?:\/\/\S+$/);
    }
  });

  it.each([
    ['S1', 'S1'],
    ['[X-TARNEY]', 'X-TARNEY'],
    ['X-UNKNOWN', 'X-UNKNOWN'],
  ])('getSource(%s) is tagged %s', (input, tag) => {
    expect(getSource(input).tag).toBe(tag);
  });

  it('falls back to the bare tag for an unknown source', () => {
    expect(getSource('X-UNKNOWN')).toEqual({
      tag: 'X-UNKNOWN',
      authority: 4,
      short: 'X-UNKNOWN',
      title: 'X-UNKNOWN',
      urls: [],
    });
  });

  it('ranks guidelines and reviews before patient pages, and consumer articles last', () => {
    expect(sortByAuthority(['S1', 'X-NHS-IMB', 'X-TARNEY', 'X-NICE-NG12'])).toEqual([
      'X-NICE-NG12',
      'X-TARNEY',
      'X-NHS-IMB',
      'S1',
    ]);
    for (const source of SOURCES.values()) expect([1, 2, 3, 4]).toContain(source.authority);
  });

  it('lists cited sources once, in order of first citation', () => {
    const cited = getCitedSources([['S3', 'S1'], ['S1', '[X-CDC-HMB]'], []]);
    expect(cited.map((s) => s.tag)).toEqual(['S3', 'S1', 'X-CDC-HMB']);
  });
});
