import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeLog } from '../../src/core/analyze.ts';
import { parseCanonicalCsv } from '../../src/log/canonical-csv.ts';
import { buildReport } from '../../src/report/build-report.ts';
import { makeChalk } from '../../src/render/color.ts';
import { sanitizeInline } from '../../src/text/sanitize.ts';
import { formatTextReport } from '../../src/render/text.ts';
import { wrapText } from '../../src/text/wrap.ts';
import { RULE_IDS } from '../../src/core/rules/ids.ts';
import { formatDateSpan } from '../../src/report/date-words.ts';

function reportFor(csv: string) {
  const { log } = parseCanonicalCsv(csv, 'log.csv');
  const report = buildReport(analyzeLog(log), {
    files: ['log.csv'],
    formats: ['csv'],
    warnings: [],
    log,
  });
  return { report, log };
}

describe('text report', () => {
  const { report, log } = reportFor(readFileSync('fixtures/example-log.csv', 'utf8'));

  it.each([60, 80, 100])('fits %i columns without colour', (width) => {
    const text = formatTextReport(report, log, {
      chalk: makeChalk(false),
      width,
      explain: true,
      calendar: true,
    });
    // Only a source's address, which must not be broken to be copied, may be wider.
    for (const line of text.split('\n')) {
      if (!/^ +https?:\/\/\S+$/.test(line)) expect(line.length).toBeLessThanOrEqual(width);
    }
  });

  it('tells tiers apart by words and symbols, never colour alone', () => {
    const text = formatTextReport(report, log, {
      chalk: makeChalk(false),
      width: 80,
      explain: false,
      calendar: false,
    });
    // Headings start their line: a screen reader meets the tier words first.
    expect(text).toMatch(/^\[!!\] SOON — book an appointment in the next few days$/m);
    expect(text).toMatch(/^\[!\] NEXT VISIT — /m);
    expect(text).toMatch(/^\[i\] INFO — /m);
  });

  it('prints every flagged event by its date, and no rule id or checklist code', () => {
    const text = formatTextReport(report, log, {
      chalk: makeChalk(false),
      width: 80,
      explain: false,
      calendar: false,
    });
    for (const flag of report.flags) {
      if (flag.rule.startsWith('recurrent-')) continue; // folded into its events' finding
      expect(text).toContain(formatDateSpan(flag.start, flag.end, 2025));
    }
    // Source addresses may spell anything; the words around them may not.
    const words = text.replace(/https?:\/\/\S+/g, '');
    for (const rule of RULE_IDS) expect(words).not.toContain(rule);
    expect(words).not.toMatch(/\bK\d{1,2}\b/);
    expect(words).not.toMatch(/\bX-[A-Z]/);
  });

  it('names every source it cites in a numbered list at the end', () => {
    const text = formatTextReport(report, log, {
      chalk: makeChalk(false),
      width: 80,
      explain: false,
      calendar: false,
    });
    const sources = text.slice(text.indexOf('\nSources\n'));
    const cited = new Set(
      [...text.matchAll(/Sources: ((?:\[\d+\] ?)+)/g)].flatMap((m) =>
        [...m[1]!.matchAll(/\d+/g)].map((n) => Number(n[0])),
      ),
    );
    expect(cited.size).toBeGreaterThan(3);
    for (const n of cited) expect(sources).toMatch(new RegExp(`^\\[${n}\\] +\\S`, 'm'));
    // Guidelines and reviews before the consumer article on bleeding after sex.
    expect(sources.indexOf('Tarney CM')).toBeLessThan(sources.indexOf('The Flex Company'));
    expect(sources.indexOf('NHS. Vaginal bleeding')).toBeLessThan(
      sources.indexOf('The Flex Company'),
    );
  });

  it('shows two bleeds after sex as one finding with both dates, at one tier', () => {
    const text = formatTextReport(report, log, {
      chalk: makeChalk(false),
      width: 80,
      explain: false,
      calendar: false,
    });
    expect(text).toContain('Bleeding after sex — 2 times: 14–15 Aug, 12 Oct (SOON)');
    expect(text.match(/Bleeding after sex/g)?.length).toBe(3); // headline, finding, start-with
    expect(text).toContain('Your note (2025-08-14): “noticed after sex”');
  });

  it('opens with the summary: who, what was read, the cycles and the headline', () => {
    const text = formatTextReport(report, log, {
      chalk: makeChalk(false),
      width: 80,
      explain: false,
      calendar: false,
    });
    const first = text.slice(0, text.indexOf('\nFindings\n'));
    expect(first).toContain('For: age 34.');
    expect(first).not.toContain('Name');
    expect(first).toContain('File: log.csv (cyclecheck CSV)');
    expect(first).toMatch(/Cycles: 6 cycles, average 28\.7 days \(shortest 28, longest 29\)/);
    expect(first).toContain('4 findings: 1 soon, 1 next visit, 2 info.');
    expect(first.split('\n').length).toBeLessThanOrEqual(24);
  });

  it.each([
    ['# age: 30\n', 'age 30'],
    ['', 'age not given'],
  ])('the checklist starts with the age and every flag, info too (§4): %j', (profile, age) => {
    // Two cycles then a late period: late-period (info) is the only flag, with its K7 item.
    const csv =
      `${profile}# as_of: 2025-04-02\ndate,bleeding\n` +
      '2025-01-01,medium\n2025-01-02,medium\n2025-01-29,medium\n2025-01-30,medium\n' +
      '2025-02-26,medium\n2025-02-27,medium\n2025-04-02,none\n';
    const late = reportFor(csv);
    expect(late.report.flags.map((f) => [f.rule, f.tier])).toEqual([['late-period', 'info']]);
    const text = formatTextReport(late.report, late.log, {
      chalk: makeChalk(false),
      width: 200,
      explain: false,
      calendar: false,
    });
    const flag = late.report.flags[0]!;
    expect(text).toContain(
      `Start the visit with: ${age}; late period (info) on ${formatDateSpan(flag.start, flag.end, 2025)} (cycle day ${flag.cycle_day}).`,
    );
  });

  it('neutralises escape sequences and bidi controls in logged text', () => {
    const csv =
      'date,bleeding,blood_color,sex\n2025-03-01,medium,,\n2025-03-02,medium,,\n2025-03-12,spotting,"red\u001b[31m\u202e",yes\n';
    const { report: r, log: l } = reportFor(csv);
    const text = formatTextReport(r, l, {
      chalk: makeChalk(false),
      width: 80,
      explain: false,
      calendar: false,
    });
    expect(text).toContain('spotting (red)');
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u202e');
  });
});

describe('sanitizeInline and wrapText', () => {
  it.each([
    ['\u001b]8;;http://x\u0007link\u001b]8;;\u0007', 'link'],
    ['a\rb\nc\td', 'a b c d'],
    ['\u202eevil', 'evil'],
    ['\u009b31mred', 'red'],
  ])('sanitizes %j', (input, output) => {
    expect(sanitizeInline(input)).toBe(output);
  });

  it('wraps at the width and indents continuation lines', () => {
    expect(wrapText('one two three four', 9, '  ', '- ')).toEqual([
      '- one two',
      '  three',
      '  four',
    ]);
  });
});
