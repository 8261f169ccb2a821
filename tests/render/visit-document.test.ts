/**
 * The visit document every human format lays out: the worked scenarios (tests/fixtures/
 * scenarios.json) through buildVisitDocument and the three renderers, snapshot-free.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeLog } from '../../src/core/analyze.ts';
import type { CycleLog, Day } from '../../src/core/log.ts';
import { RULE_IDS } from '../../src/core/rules/ids.ts';
import { tierRank } from '../../src/core/tiers.ts';
import { makeChalk } from '../../src/render/color.ts';
import { formatHtmlReport } from '../../src/render/html.ts';
import { formatMarkdownReport } from '../../src/render/markdown.ts';
import { formatTextReport } from '../../src/render/text.ts';
import { buildVisitDocument } from '../../src/report/build-document.ts';
import { buildReport } from '../../src/report/build-report.ts';
import { getSource } from '../../src/report/sources.ts';
import type { Report } from '../../src/report/types.ts';
import { byTag, parseHtml, textOf } from './html-dom.ts';

interface Example {
  id: string;
  title: string;
  log: CycleLog;
}

const examples = (
  JSON.parse(readFileSync(new URL('../fixtures/scenarios.json', import.meta.url), 'utf8')) as {
    examples: Example[];
  }
).examples;

function reportOf(log: CycleLog): Report {
  return buildReport(analyzeLog(log), {
    files: ['log.json'],
    formats: ['json'],
    warnings: [],
    log,
  });
}

/** The words of a document: source addresses (which may spell anything) left out. */
function wordsOf(text: string): string {
  return text.replace(/https?:\/\/\S+/g, '');
}

function renderAll(report: Report, log: CycleLog): { name: string; text: string }[] {
  const html = parseHtml(formatHtmlReport(report, log));
  return [
    {
      name: 'text',
      text: formatTextReport(report, log, {
        chalk: makeChalk(false),
        width: 80,
        explain: false,
        calendar: true,
      }),
    },
    { name: 'markdown', text: formatMarkdownReport(report, log) },
    { name: 'html', text: textOf(byTag(html.document, 'body')[0]!) },
  ];
}

describe.each(examples.map((e) => [e.id, e] as const))('scenario %s', (_id, example) => {
  const report = reportOf(example.log);
  const documents = renderAll(report, example.log);

  it('text, Markdown and HTML show no rule id and no checklist code', () => {
    for (const { name, text } of documents) {
      const words = wordsOf(text);
      for (const rule of RULE_IDS) expect(words, `${name}: ${rule}`).not.toContain(rule);
      expect(words, name).not.toMatch(/\bK\d{1,2}\b|\bX-[A-Z][A-Z0-9-]*\b|\bS\d\b/);
    }
  });

  it('names every source it cites', () => {
    const tags = new Set(report.flags.flatMap((f) => f.sources));
    for (const { name, text } of documents) {
      for (const tag of tags) {
        const title = getSource(tag).title.replace(/[*_`|[\]]/g, '');
        expect(text.replace(/\\/g, ''), `${name}: ${tag}`).toContain(title.slice(0, 40));
      }
    }
  });

  it('shows each event once, at one tier', () => {
    const doc = buildVisitDocument(report, example.log);
    const seen = new Map<string, string>();
    for (const f of doc.findings) {
      for (const o of f.occurrences) {
        const key = `${o.start}`;
        const earlier = seen.get(key);
        if (earlier !== undefined) expect(earlier, `${f.title} ${key}`).toBe(f.tier);
        seen.set(key, f.tier);
      }
    }
  });
});

/** Two cycles with two bleeds after sex in between. */
function twoBleedsAfterSex(): CycleLog {
  const days: Day[] = [];
  for (let d = 1; d <= 30; d++) {
    const date = `2026-11-${String(d).padStart(2, '0')}`;
    days.push({ date, bleeding: 'none' });
  }
  const set = (date: string, fields: Partial<Day>): void => {
    Object.assign(
      days.find((d) => d.date === date)!,
      fields,
    );
  };
  for (const date of ['2026-11-01', '2026-11-02', '2026-11-03'])
    set(date, { bleeding: 'medium', period: true });
  set('2026-11-08', {
    sex: true,
    bleeding: 'spotting',
    blood_color: 'bright red',
    notes: 'bright red, after sex',
  });
  set('2026-11-21', { sex: true, bleeding: 'light', notes: 'again \u001b[31mafter sex' });
  return { profile: { age: 31, as_of: '2026-11-30', name: 'Ana Example' }, days };
}

describe('two bleeds after sex', () => {
  const log = twoBleedsAfterSex();
  const report = reportOf(log);
  const doc = buildVisitDocument(report, log);

  it('are one finding with both dates, the recurrence folded in', () => {
    expect(report.flags.filter((f) => f.rule.includes('postcoital')).length).toBeGreaterThan(1);
    const found = doc.findings.filter((f) => f.title === 'Bleeding after sex');
    expect(found).toHaveLength(1);
    expect(found[0]!.heading).toBe('Bleeding after sex — 2 times: 8 Nov, 21 Nov');
    expect(found[0]!.rules).toContain('recurrent-postcoital-bleeding');
    expect(found[0]!.why.some((w) => w.startsWith('Counted as recurring:'))).toBe(true);
    expect(doc.checklist.startWith).toContain(
      'bleeding after sex (soon) on 8 Nov (cycle day 8) and 21 Nov (cycle day 21)',
    );
  });

  it('carry the notes written on those days, sanitized, in every format', () => {
    const found = doc.findings.find((f) => f.title === 'Bleeding after sex')!;
    expect(found.occurrences.flatMap((o) => o.notes.map((n) => n.text))).toEqual([
      'bright red, after sex',
      'again after sex',
    ]);
    for (const { name, text } of renderAll(report, log)) {
      expect(text, name).toContain('bright red, after sex');
      expect(text, name).toContain('again after sex');
      expect(text, name).not.toContain('\u001b');
    }
    const k1 = doc.checklist.items.find((i) => i.text.startsWith('Bleeding record'));
    expect(k1?.quotes).toContain('8 Nov: colour “bright red”');
  });

  it('puts the name and the summary first', () => {
    expect(doc.summary.name).toBe('Ana Example');
    expect(doc.summary.headlineText).toMatch(/^\d+ findings?: /);
    const text = renderAll(report, log)[0]!.text;
    expect(text.split('\n')[1]).toBe('For: Ana Example, age 31.');
  });
});

describe('one event never at two tiers', () => {
  it('folds a lower-tier match of the same day into the more urgent finding', () => {
    const log: CycleLog = {
      profile: { age: 30, as_of: '2025-06-30' },
      days: [{ date: '2025-06-01', bleeding: 'spotting' }],
    };
    const base = reportOf(log);
    const flag = (
      rule: Report['flags'][number]['rule'],
      tier: Report['flags'][number]['tier'],
    ) => ({
      rule,
      tier,
      start: '2025-06-10',
      end: '2025-06-10',
      cycle_day: 10,
      summary: `${rule} summary.`,
      why: [`${rule} why.`],
      checklist: [],
      sources: rule === 'postcoital-bleeding' ? ['X-TARNEY'] : ['X-ACOG-BTB'],
      in_progress: false,
    });
    const report: Report = {
      ...base,
      flags: [
        flag('postcoital-bleeding', 'next-visit'),
        flag('hormonal-breakthrough-bleeding', 'info'),
      ],
    };
    const doc = buildVisitDocument(report, log);
    expect(doc.findings).toHaveLength(1);
    const only = doc.findings[0]!;
    expect(only.tier).toBe('next-visit');
    expect(only.occurrences[0]!.why).toEqual([
      'postcoital-bleeding why.',
      'hormonal-breakthrough-bleeding why.',
    ]);
    expect(only.why.join(' ')).toContain(
      'also matched "Settling-in bleeding on a hormonal method" (info)',
    );
    expect(only.sources).toHaveLength(2);
    expect(tierRank(only.tier)).toBeLessThan(tierRank('info'));
  });
});

describe('a bleed set aside as the period starting', () => {
  /** Periods on 2025-01-01, 01-29 and 02-26 (28-day cycles), then day 1 of the next on 03-26. */
  function cyclesThen(lastDay: Day['bleeding']): CycleLog {
    const days: Day[] = [];
    for (let n = 0; n < 85; n++) {
      const date = new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10);
      const inPeriod = n % 28 < 4;
      days.push({ date, bleeding: n === 84 ? lastDay : inPeriod ? 'medium' : 'none' });
    }
    return { profile: { age: 30 }, days };
  }

  it('is said in the headline, with its date, so "nothing matched" is not the last word', () => {
    const log = cyclesThen('medium');
    const doc = buildVisitDocument(reportOf(log), log);
    expect(doc.findings).toEqual([]);
    expect(doc.summary.headlineText).toBe(
      'Nothing in this log matched a rule. That is not a clean bill of health: if something worries you, tell a clinician. The bleeding that began on 2025-03-26 may be your period starting: run cyclecheck again in a few days, once it has ended.',
    );
  });

  it('is not mentioned when the log ends without bleeding', () => {
    const log = cyclesThen('none');
    const doc = buildVisitDocument(reportOf(log), log);
    expect(doc.summary.headlineText).not.toContain('may be your period starting');
  });
});
