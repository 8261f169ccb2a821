/** The added profile keys: `name` (printed on documents) and `medicines`. */
import { describe, expect, it } from 'vitest';
import { parseCanonicalCsv } from '../../src/log/canonical-csv.ts';
import { parseCanonicalJson } from '../../src/log/canonical-json.ts';
import { formatCanonicalCsv, formatCanonicalJson } from '../../src/log/format-canonical.ts';
import { parseMedicinesText } from '../../src/log/profile.ts';

describe('profile name and medicines', () => {
  it('reads them from CSV lines and writes them back the same', () => {
    const csv =
      '# name:  Ana   Example \n# medicines: hrt, Tamoxifen\ndate,bleeding\n2025-01-01,light\n';
    const { log } = parseCanonicalCsv(csv, 'log.csv');
    expect(log.profile).toEqual({ name: 'Ana Example', medicines: ['hrt', 'tamoxifen'] });
    const again = parseCanonicalCsv(formatCanonicalCsv(log), 'again.csv').log;
    expect(again.profile).toEqual(log.profile);
  });

  it('reads them from JSON, an empty list meaning none of them', () => {
    const json =
      '{"format": "cyclecheck-log/1", "profile": {"name": "Ana", "medicines": []}, "days": [{"date": "2025-01-01"}]}';
    const { log } = parseCanonicalJson(json, 'log.json');
    expect(log.profile).toEqual({ name: 'Ana', medicines: [] });
    expect(formatCanonicalJson(log)).toContain('"medicines": []');
  });

  it.each([
    ['none', []],
    ['blood-thinner', ['blood-thinner']],
  ])('medicines %j', (text, list) => {
    expect(parseMedicinesText(text)).toEqual(list);
  });

  it.each(['aspirin', '', 'hrt, aspirin'])(
    'refuses medicines %j with the words it takes',
    (text) => {
      expect(() => parseMedicinesText(text)).toThrow(/none|hrt, tamoxifen, blood-thinner/);
    },
  );
});
