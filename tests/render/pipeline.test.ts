/**
 * The documents through the real pipeline: the BUILT binary (npm test builds first) renders each
 * fixture as JSON, Markdown and HTML, and the documents must carry everything the JSON report says.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/render/markdown.ts';
import { RULE_IDS } from '../../src/core/rules/ids.ts';
import { formatDateSpan } from '../../src/report/date-words.ts';
import { getSource } from '../../src/report/sources.ts';
import type { Report } from '../../src/report/types.ts';
import { allElements, attr, byTag, parseHtml, textOf } from './html-dom.ts';
import { checkJsonOutput } from '../schemas/validate.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/cyclecheck.js');

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input: '',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'UTC' },
    timeout: 30_000,
  });
  checkJsonOutput(args, r.status, r.stdout);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function render(file: string, to: 'json' | 'markdown' | 'html'): string {
  const r = run(['analyze', file, '--to', to]);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

const FIXTURES = [
  'fixtures/example-log.csv',
  ...readdirSync(join(ROOT, 'fixtures/imports'))
    .sort()
    .map((f) => `fixtures/imports/${f}`),
];

describe.each(FIXTURES)('%s', (fixture) => {
  const report = JSON.parse(render(fixture, 'json')) as Report;
  const markdown = render(fixture, 'markdown');
  const html = render(fixture, 'html');
  const { document, errors } = parseHtml(html);
  const main = textOf(byTag(document, 'main')[0]!);

  it('gives the HTML without parse errors or references outside the document', () => {
    expect(errors).toEqual([]);
    expect(byTag(document, 'script')).toEqual([]);
    for (const el of allElements(document)) {
      expect(attr(el, 'src')).toBeUndefined();
      const href = attr(el, 'href');
      if (href !== undefined) expect(href).toMatch(/^#/);
    }
    expect(html).not.toMatch(/url\(|@import/i);
  });

  it('puts every flag of the JSON report in both documents, by its words and dates', () => {
    const year = report.as_of === null ? null : Number(report.as_of.slice(0, 4));
    for (const f of report.flags) {
      expect(main).toContain(f.summary);
      expect(markdown).toContain(escapeMarkdown(f.summary));
      // A recurrence is told by the events it counts, each shown with its own dates.
      if (f.rule.startsWith('recurrent-postcoital')) continue;
      const when = formatDateSpan(f.start, f.end, year);
      expect(main).toContain(when);
      expect(markdown).toContain(escapeMarkdown(when));
      for (const why of f.why) {
        expect(main).toContain(why);
        expect(markdown).toContain(escapeMarkdown(why));
      }
    }
  });

  it('shows no rule id or checklist code, and names every source it cites', () => {
    const body = textOf(byTag(document, 'body')[0]!);
    for (const doc of [body, markdown]) {
      const words = doc.replace(/https?:\/\/\S+/g, '');
      for (const rule of RULE_IDS) expect(words).not.toContain(rule);
      expect(words).not.toMatch(/\bK\d{1,2}\b|\bX-[A-Z]|\bS\d\b/);
    }
    for (const tag of new Set(report.flags.flatMap((f) => f.sources))) {
      const title = getSource(tag).title;
      expect(body).toContain(title);
      expect(markdown).toContain(escapeMarkdown(title));
    }
  });

  it('puts every checklist item and detail in both documents', () => {
    for (const item of report.checklist) {
      expect(main).toContain(item.text);
      expect(markdown).toContain(`- [ ] ${escapeMarkdown(item.text)}`);
      for (const d of item.details) {
        expect(main).toContain(d);
        expect(markdown).toContain(escapeMarkdown(d));
      }
    }
  });

  it('puts every period in both documents', () => {
    for (const p of report.periods.slice(-12)) {
      expect(markdown).toMatch(new RegExp(`\\| ${p.start} \\| ${p.end} \\| ${p.days} \\|`));
      expect(main).toContain(`${p.start}${p.end}${p.days}`);
    }
  });
});

describe('input text through the pipeline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cyclecheck-render-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const evil = '<script>alert(1)</script>';
  const file = join(dir, 'notes & <b>.csv');
  const rows = ['date,bleeding,sex,blood_color,notes'];
  for (let d = 1; d <= 28; d++) rows.push(`2025-03-${String(d).padStart(2, '0')},none,,,`);
  rows[3] = `2025-03-03,medium,,,`;
  rows[4] = `2025-03-04,medium,,,`;
  rows[15] = `2025-03-15,spotting,yes,"${evil}","*not* a | table ${evil}"`;
  writeFileSync(file, rows.join('\n') + '\n');

  it('prints notes, colours and file names as text in HTML and Markdown', () => {
    const json = render(file, 'json');
    expect(json).toContain(evil); // the report carries it, so the documents must escape it
    const html = render(file, 'html');
    const markdown = render(file, 'markdown');
    expect(html).not.toContain(evil);
    expect(markdown).not.toContain(evil);
    expect(markdown).not.toContain('<b>');
    const parsed = parseHtml(html);
    expect(parsed.errors).toEqual([]);
    expect(byTag(parsed.document, 'script')).toEqual([]);
    expect(byTag(parsed.document, 'b')).toEqual([]);
    expect(textOf(parsed.document)).toContain(evil);
    expect(textOf(parsed.document)).toContain('notes & <b>.csv');
    expect(markdown).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('analyze --calendar', () => {
  it('keeps the month grids within 80 columns without colour', () => {
    const r = run(['analyze', 'fixtures/example-log.csv', '--calendar']);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    const first = lines.findIndex((l) => /^Mo {3}Tu/.test(l.trimStart()));
    const last = lines.findIndex((l) => l.startsWith('Flags:'));
    expect(first).toBeGreaterThan(0);
    expect(last).toBeGreaterThan(first);
    for (const line of lines.slice(first - 1, last + 1))
      expect(line.length).toBeLessThanOrEqual(80);
    expect(r.stdout).toMatch(/October 2025/);
    expect(r.stdout).not.toContain('\u001b');
  });
});
