import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TIERS } from '../../src/core/tiers.ts';
import { escapeMarkdown, formatMarkdownReport } from '../../src/render/markdown.ts';
import { CYCLE_TABLE_PERIODS } from '../../src/report/build-document.ts';
import { RULE_TEXT } from '../../src/report/rule-text.ts';
import { sanitizeInline } from '../../src/text/sanitize.ts';
import { getSource } from '../../src/report/sources.ts';
import { DISCLAIMER, TIER_LABEL, TIER_WORD } from '../../src/report/tier-labels.ts';
import type { Report, ReportPeriod } from '../../src/report/types.ts';
import {
  ODD_COLOUR,
  ODD_FILE,
  SCRIPT_NOTE,
  makeReport,
  makeSixMonthLog,
} from './report-fixture.ts';

const report = makeReport();
const log = makeSixMonthLog();
const md = formatMarkdownReport(report, log);
const lines = md.split('\n');

/** The section under a `## ` heading, up to the next one. */
function section(title: string): string {
  const start = lines.indexOf(`## ${title}`);
  expect(start, title).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start, end === -1 ? undefined : end).join('\n');
}

/** Reverses escapeMarkdown: backslash escapes and the three entities. */
function unescapeMarkdown(text: string): string {
  const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&' };
  return text.replace(
    /\\([\\`*_[\]|~$#+\-=>.)])|&lt;|&gt;|&amp;/g,
    (m, c: string | undefined) => c ?? entities[m] ?? m,
  );
}

describe('escapeMarkdown', () => {
  it.each([
    ['plain words, 2025-03-12', 'plain words, 2025-03-12'],
    [SCRIPT_NOTE, '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['*bold* _em_ `code`', '\\*bold\\* \\_em\\_ \\`code\\`'],
    ['[link](http://x) ![img](y)', '\\[link\\](http://x) !\\[img\\](y)'],
    ['a | b', 'a \\| b'],
    ['~~gone~~ $x$', '\\~\\~gone\\~\\~ \\$x\\$'],
    ['# heading', '\\# heading'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['> quote', '&gt; quote'],
    ['1. first', '1\\. first'],
    ['12) twelfth', '12\\) twelfth'],
    ['=====', '\\====='],
    ['back\\slash', 'back\\\\slash'],
    ['AT&T, R&D', 'AT&T, R&D'],
    ['&copy; &#169; &#x1F600;', '&amp;copy; &amp;#169; &amp;#x1F600;'],
    ['line one\nline two', 'line one line two'],
    ['red\u001b[31m text', 'red text'],
  ])('%j → %j', (input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });

  it('loses nothing but control characters, and leaves no live syntax', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = escapeMarkdown(s);
        expect(unescapeMarkdown(out)).toBe(sanitizeInline(s));
        expect(out).not.toMatch(/[<>\n\r]/);
        // every syntax character is preceded by an (unescaped) backslash
        expect(out.replace(/\\./g, '')).not.toMatch(/[\\`*_[\]|~$]/);
        expect(out).not.toMatch(/^\s*([#+\-=]|\d+[.)])/);
      }),
    );
  });
});

describe('formatMarkdownReport', () => {
  it('starts with a title, a name line and the summary of what was read', () => {
    expect(lines[0]).toBe('# cyclecheck report for a clinician visit');
    expect(md).toMatch(/^\*\*Name:\*\* (\\_)+ · \*\*Age:\*\* 34$/m);
    expect(md).toContain(`- **File:** ${escapeMarkdown(ODD_FILE)} (cyclecheck CSV)`);
    expect(md).toContain('- **Dates:** 2025-01-01 to 2025-06-30');
    expect(md).toContain(`(${report.input.days_logged} days logged)`);
    expect(md).toContain('- **Periods found:** 6');
    expect(md).toContain('- **Evaluated on:** 2025-06-30');
    expect(md).toContain('- **Not tracked:** 2025-06-01 to 2025-06-05');
    expect(md).toContain('- **Cycles:** 5 cycles, average 28.6 days (shortest 28, longest 29)');
    expect(md.indexOf('**5 findings: 1 urgent, 2 soon, 1 next visit, 1 info.**')).toBeLessThan(
      md.indexOf('## Findings'),
    );
  });

  it('prints the name when the profile has one', () => {
    const named = formatMarkdownReport(
      { ...report, profile: { ...report.profile, name: 'Ana *B*' } },
      log,
    );
    expect(named).toContain('**Name:** Ana \\*B\\* · **Age:** 34');
  });

  it.each(report.flags.map((f) => [f.rule, f] as const))(
    'shows the flag %s by its title with tier, dates, why and numbered sources',
    (rule, flag) => {
      const title = RULE_TEXT[rule].title;
      const start = lines.findIndex((l) => l.startsWith(`#### ${escapeMarkdown(title)}`));
      expect(start).toBeGreaterThan(0);
      const end = lines.findIndex((l, i) => i > start && /^#{2,4} /.test(l));
      const block = lines.slice(start, end).join('\n');
      expect(block).toContain(TIER_WORD[flag.tier]);
      expect(block).toContain(`cycle day ${flag.cycle_day}`);
      expect(block).toContain(escapeMarkdown(flag.summary));
      for (const why of flag.why) expect(block).toContain(escapeMarkdown(why));
      expect(block).toMatch(/\*\*Sources:\*\* (\[\d+\] ?)+$/m);
      expect(block).not.toContain(rule);
    },
  );

  it('groups findings under tier headings, most urgent first', () => {
    const positions = TIERS.map((t) =>
      lines.findIndex((l) => l.startsWith('### ') && l.includes(TIER_LABEL[t])),
    );
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('puts the emergency note above the findings when one is urgent, and only then', () => {
    expect(section('Findings')).toMatch(/^> \*\*URGENT/m);
    const calm: Report = { ...report, flags: report.flags.filter((f) => f.tier !== 'urgent') };
    expect(formatMarkdownReport(calm, log)).not.toMatch(/^> \*\*URGENT/m);
  });

  it('marks an episode still in progress', () => {
    const flags = report.flags.map((f, i) => (i === 0 ? { ...f, in_progress: true } : f));
    expect(formatMarkdownReport({ ...report, flags }, log)).toContain('*Still in progress:');
    expect(md).not.toContain('Still in progress');
  });

  it('shows the note logged on a flagged day beside that finding', () => {
    const block = section('Findings');
    expect(block).toContain('*Your note (2025-03-12):* “&lt;script&gt;alert(1)&lt;/script&gt;”');
  });

  it('opens the checklist with a sentence of the age and every finding with its dates', () => {
    const checklist = section('Doctor-visit checklist');
    expect(checklist).toContain(
      '**Start the visit with:** age 34; very heavy bleeding or faintness (urgent) on 28 Apr (cycle day 2); bleeding after sex (soon) on 12–13 Mar (cycle day 13);',
    );
    expect(checklist).toContain('mid-cycle (ovulation) spotting (info) on 14 Feb (cycle day 15).');
  });

  it.each(report.checklist.map((c) => [c.code, c] as const))(
    'lists checklist item %s as a task with its details and no code',
    (code, item) => {
      const checklist = section('Doctor-visit checklist');
      expect(checklist).toContain(`- [ ] ${escapeMarkdown(item.text)}`);
      expect(checklist).not.toContain(`**${code}**`);
      for (const detail of item.details)
        expect(checklist).toContain(`  - ${escapeMarkdown(detail)}`);
    },
  );

  it("quotes the person's own words under the bleeding record", () => {
    const checklist = section('Doctor-visit checklist');
    expect(checklist).toContain(`  - *You wrote:* 12 Mar: colour “${escapeMarkdown(ODD_COLOUR)}”`);
  });

  it('lists every period in a well-formed table', () => {
    const rows = section('Cycles')
      .split('\n')
      .filter((l) => l.startsWith('| '));
    expect(rows[1]).toBe('| ---: | --- | --- | ---: | ---: |');
    expect(rows).toHaveLength(report.periods.length + 2);
    report.periods.forEach((p, i) => {
      const cycle = p.cycle_length === null ? '— (latest)' : String(p.cycle_length);
      expect(rows[i + 2]).toBe(`| ${i + 1} | ${p.start} | ${p.end} | ${p.days} | ${cycle} |`);
    });
  });

  it(`keeps the last ${CYCLE_TABLE_PERIODS} periods of a long history and says how many there were`, () => {
    const many: ReportPeriod[] = Array.from({ length: 20 }, (_, i) => ({
      start: `2023-${String((i % 12) + 1).padStart(2, '0')}-0${(i % 9) + 1}`,
      end: `2023-${String((i % 12) + 1).padStart(2, '0')}-0${(i % 9) + 1}`,
      days: 1,
      cycle_length: 20 + i,
    }));
    const out = formatMarkdownReport({ ...report, periods: many }, log);
    const rows = out.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    expect(rows).toHaveLength(CYCLE_TABLE_PERIODS);
    expect(rows[0]).toMatch(/^\| 9 \| .* \| 28 \|$/);
    expect(out).toContain(`The last ${CYCLE_TABLE_PERIODS} of 20 periods found`);
  });

  it('keeps the table intact when text contains pipes', () => {
    for (const line of lines.filter((l) => l.startsWith('|'))) {
      expect(line.replace(/\\\|/g, '').split('|')).toHaveLength(7);
    }
    expect(md).toContain(escapeMarkdown(ODD_COLOUR));
  });

  it('writes text from the input as text, never as HTML or Markdown', () => {
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md).toContain('bright \\*red\\* \\| pink\\_ish \\[x\\](y) & \\`z\\`');
    expect(md).not.toMatch(/<(?!https?:\/\/)[a-z/]/i);
  });

  it('lists warnings first, then questions and app notes; --explain adds what was set aside', () => {
    for (const w of report.warnings) {
      expect(md.indexOf(escapeMarkdown(w.message))).toBeLessThan(md.indexOf('## Summary'));
    }
    for (const q of report.questions) expect(md).toContain(escapeMarkdown(q.message));
    for (const n of report.app_notes)
      expect(section('Your notes')).toContain(escapeMarkdown(n.text));
    expect(md).not.toContain('Checked and not flagged');
    const explained = formatMarkdownReport(report, log, { explain: true });
    for (const n of report.not_flagged) expect(explained).toContain(escapeMarkdown(n.reason));
    for (const n of report.not_evaluated) expect(explained).toContain(escapeMarkdown(n.reason));
  });

  it('names each cited source once, numbered, guidelines before consumer articles', () => {
    const sources = section('Sources');
    const tags = [...new Set(report.flags.flatMap((f) => f.sources))];
    for (const tag of tags) {
      const s = getSource(tag);
      expect(sources.split(escapeMarkdown(s.title))).toHaveLength(2);
      for (const url of s.urls) expect(sources).toContain(`<${url}>`);
    }
    expect(sources).toMatch(/^1\. /m);
    expect(sources).not.toMatch(/\bX-[A-Z]|\bS\d\b/);
    expect(sources.indexOf('Tarney CM')).toBeLessThan(sources.indexOf('The Flex Company'));
  });

  it('ends with the disclaimer', () => {
    expect(md.trimEnd().endsWith(`*${escapeMarkdown(DISCLAIMER)}*`)).toBe(true);
  });

  it('renders a log with no flags and no periods without inventing any', () => {
    const empty: Report = { ...report, flags: [], checklist: [], periods: [], not_flagged: [] };
    const out = formatMarkdownReport(empty, log);
    expect(out).toContain('Nothing in this log matched a rule');
    expect(out).toContain('No periods were found in this log.');
    expect(out).not.toContain('## Sources');
    expect(out).not.toMatch(/\bnormal\b/i);
  });
});
