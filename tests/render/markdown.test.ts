import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TIERS } from '../../src/core/tiers.ts';
import {
  CYCLE_TABLE_PERIODS,
  escapeMarkdown,
  formatMarkdownReport,
} from '../../src/render/markdown.ts';
import { sanitizeInline } from '../../src/render/sanitize.ts';
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
  it('starts with a title and says what was read', () => {
    expect(lines[0]).toMatch(/^# /);
    expect(md).toContain(`- **File:** ${escapeMarkdown(ODD_FILE)} (cyclecheck CSV)`);
    expect(md).toContain('- **Dates:** 2025-01-01 to 2025-06-30');
    expect(md).toContain(`(${report.input.days_logged} days logged)`);
    expect(md).toContain('- **Periods found:** 6');
    expect(md).toContain('- **Evaluated on:** 2025-06-30');
    expect(md).toContain('- **Age:** 34');
    expect(md).toContain('- **Not tracked:** 2025-06-01 to 2025-06-05');
  });

  it.each(report.flags.map((f) => [f.rule, f] as const))(
    'shows the flag %s with tier, dates, why and sources',
    (rule, flag) => {
      const start = lines.findIndex((l) => l.startsWith('#### ') && l.includes(`\`${rule}\``));
      expect(start).toBeGreaterThan(0);
      const end = lines.findIndex((l, i) => i > start && /^#{2,4} /.test(l));
      const block = lines.slice(start, end).join('\n');
      expect(block).toContain(`**Tier:**`);
      expect(block).toContain(TIER_WORD[flag.tier]);
      expect(block).toContain(
        flag.start === flag.end ? flag.start : `${flag.start} to ${flag.end}`,
      );
      expect(block).toContain(`cycle day ${flag.cycle_day}`);
      expect(block).toContain(escapeMarkdown(flag.summary));
      for (const why of flag.why) expect(block).toContain(`- ${escapeMarkdown(why)}`);
      for (const code of flag.checklist) expect(block).toContain(code);
      for (const tag of flag.sources)
        expect(block).toContain(`[${tag}] ${escapeMarkdown(getSource(tag).short)}`);
    },
  );

  it('groups flags under tier headings, most urgent first', () => {
    const positions = TIERS.map((t) =>
      lines.findIndex((l) => l.startsWith('### ') && l.includes(TIER_LABEL[t])),
    );
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('puts the emergency note above the flags when one is urgent, and only then', () => {
    expect(section('Flagged episodes')).toMatch(/^> \*\*URGENT/m);
    const calm: Report = { ...report, flags: report.flags.filter((f) => f.tier !== 'urgent') };
    expect(formatMarkdownReport(calm, log)).not.toMatch(/^> /m);
  });

  it('marks an episode still in progress', () => {
    const flags = report.flags.map((f, i) => (i === 0 ? { ...f, in_progress: true } : f));
    expect(formatMarkdownReport({ ...report, flags }, log)).toContain('*Still in progress:');
    expect(md).not.toContain('Still in progress');
  });

  it('opens the checklist with the age and every flag with its dates and cycle day', () => {
    const checklist = section('Doctor-visit checklist');
    expect(checklist).toContain('- Age: 34');
    for (const f of report.flags) {
      expect(checklist).toMatch(
        new RegExp(`\`${f.rule}\`, ${TIER_WORD[f.tier].toLowerCase()}\\): ${f.start}`),
      );
    }
  });

  it.each(report.checklist.map((c) => [c.code, c] as const))(
    'lists checklist item %s as a task with its details',
    (code, item) => {
      const checklist = section('Doctor-visit checklist');
      expect(checklist).toContain(`- [ ] **${code}** ${escapeMarkdown(item.text)}`);
      for (const rule of item.for) expect(checklist).toContain(`\`${rule}\``);
      for (const detail of item.details)
        expect(checklist).toContain(`  - ${escapeMarkdown(detail)}`);
    },
  );

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
    expect(section('Cycles')).toContain('Cycle lengths in this table: 28 to 29 days.');
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

  it('lists notes, questions and warnings under "Also noted"', () => {
    const notes = section('Also noted');
    for (const n of report.not_evaluated) expect(notes).toContain(escapeMarkdown(n.reason));
    for (const n of report.not_flagged)
      expect(notes).toContain(`on ${n.date}: ${escapeMarkdown(n.reason)}`);
    for (const n of report.app_notes)
      expect(notes).toContain(`${n.date}: ${escapeMarkdown(n.text)}`);
    for (const q of report.questions) expect(notes).toContain(escapeMarkdown(q.message));
    for (const w of report.warnings) {
      expect(notes).toContain(
        `${escapeMarkdown(`${w.file}:${w.line}`)}: ${escapeMarkdown(w.message)}`,
      );
    }
  });

  it('lists each cited source once, with its title and address', () => {
    const sources = section('Sources');
    const tags = [...new Set(report.flags.flatMap((f) => f.sources))];
    for (const tag of tags) {
      const s = getSource(tag);
      expect(sources.split(`**[${tag}]**`)).toHaveLength(2);
      expect(sources).toContain(escapeMarkdown(s.title));
      for (const url of s.urls) expect(sources).toContain(`<${url}>`);
    }
  });

  it('ends with the disclaimer', () => {
    expect(md.trimEnd().endsWith(`*${DISCLAIMER}*`)).toBe(true);
  });

  it('renders a log with no flags and no periods without inventing any', () => {
    const empty: Report = { ...report, flags: [], checklist: [], periods: [], not_flagged: [] };
    const out = formatMarkdownReport(empty, log);
    expect(out).toContain('No episode in this log met a flag rule');
    expect(out).toContain('No periods were found in this log.');
    expect(out).not.toContain('## Sources');
    expect(out).not.toMatch(/normal/i);
  });
});
