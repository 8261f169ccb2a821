/**
 * docs/rules.md is generated from the code (`npm run docs`); it must say what the code runs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatRulesMarkdown } from '../../src/commands/rules-markdown.ts';
import { RULES } from '../../src/core/rules/catalogue.ts';
import { runCli } from '../cli/helpers.ts';

const CHECKED_IN = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');

describe('docs/rules.md', () => {
  it('is what the code generates (else run `npm run docs` and commit it)', () => {
    expect(CHECKED_IN === formatRulesMarkdown(), 'docs/rules.md is stale: run `npm run docs`').toBe(
      true,
    );
  });

  it('has every rule with its tier, trigger, exceptions, checklist codes and sources', () => {
    for (const rule of RULES) {
      const start = CHECKED_IN.indexOf(`### ${rule.number}. \`${rule.id}\``);
      expect(start, rule.id).toBeGreaterThan(0);
      const section = CHECKED_IN.slice(start, CHECKED_IN.indexOf('\n### ', start + 1));
      expect(section).toContain(`Tier: **${rule.tier}`);
      for (const label of ['Trigger', 'Exceptions and tier changes', 'Checklist', 'Sources']) {
        expect(section, `${rule.id} ${label}`).toMatch(new RegExp(`- \\*\\*${label}:\\*\\* \\S`));
      }
      for (const code of rule.checklist) expect(section).toContain(`[${code}](#`);
      for (const tag of rule.sources) {
        expect(section).toContain(`[${tag}](#`);
        expect(CHECKED_IN, tag).toContain(`\n### ${tag}\n`);
      }
    }
  });

  it('is what `cyclecheck rules --to markdown` prints', () => {
    const result = runCli(['rules', '--to', 'markdown']);
    expect(result.status).toBe(0);
    expect(result.stdout === CHECKED_IN).toBe(true);
  });

  it('`rules --to markdown` with an id is a usage error', () => {
    const result = runCli(['rules', 'late-period', '--to', 'markdown']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--to markdown prints every rule');
  });
});
