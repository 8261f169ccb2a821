/**
 * docs/rules.md, written from the tables the analyzer runs on: the catalogue (ids, tiers,
 * checklist codes, sources), the rule words, the exceptions, the checklist items and the source
 * list. `cyclecheck rules --to markdown` prints it; `npm run docs` writes it; a test fails when
 * the checked-in file differs.
 */
import { RULES, type RuleMeta } from '../core/rules/catalogue.ts';
import { CHECKLIST_CODES } from '../core/rules/checklist-codes.ts';
import { TIERS } from '../core/tiers.ts';
import { CHECKLIST_TEXT } from '../report/checklist.ts';
import { RULE_EXCEPTIONS } from '../report/rule-exceptions.ts';
import { RULE_TEXT } from '../report/rule-text.ts';
import { getCitedSources } from '../report/sources.ts';
import { TIER_LABEL } from '../report/tier-labels.ts';

/** Markdown table cells and inline text: no pipe or line break may end a cell early. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function anchor(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

function formatTiers(rule: RuleMeta): string {
  const others = rule.tiers.slice(1);
  return others.length > 0 ? `${rule.tier} (can be ${others.join(', ')})` : rule.tier;
}

function formatRule(rule: RuleMeta): string[] {
  const text = RULE_TEXT[rule.id];
  const codes = rule.checklist.map((c) => `[${c}](#${anchor(c)})`).join(', ') || 'none';
  const sources = rule.sources.map((s) => `[${s}](#${anchor(s)})`).join(', ');
  return [
    `### ${rule.number}. \`${rule.id}\``,
    '',
    `**${cell(text.title)}.** Tier: **${formatTiers(rule)}**.`,
    '',
    `- **Trigger:** ${cell(text.trigger)}`,
    `- **Exceptions and tier changes:** ${cell(RULE_EXCEPTIONS[rule.id])}`,
    `- **What the report says:** ${cell(text.summary)}`,
    `- **Checklist:** ${codes}`,
    `- **Sources:** ${sources}`,
    '',
  ];
}

export function formatRulesMarkdown(): string {
  const out: string[] = [
    '# The rules',
    '',
    '<!-- Generated from the code by `npm run docs` (`cyclecheck rules --to markdown`). Do not',
    '     edit: tests/docs/rules-doc.test.ts fails when this file differs from what the code says. -->',
    '',
    `cyclecheck has ${RULES.length} rules. Each reports a flag with an urgency tier, the reasons, the`,
    'checklist items to bring to the visit, and its sources. The terms the triggers use (episode,',
    'period, usable cycle, P, PCB event, the single-day qualifier, red flag, windows) are defined in',
    '[definitions.md](definitions.md), with the order in which rules take an episode.',
    '',
    '## Tiers',
    '',
    '| tier | what the person is told |',
    '| --- | --- |',
    ...TIERS.map((tier) => `| \`${tier}\` | ${cell(TIER_LABEL[tier])} |`),
    '',
    '## All rules',
    '',
    '| # | id | tier | group |',
    '| --- | --- | --- | --- |',
    ...RULES.map(
      (r) =>
        `| ${r.number} | [\`${r.id}\`](#${anchor(`${r.number}. ${r.id}`)}) | ${formatTiers(r)} | ${r.group} |`,
    ),
  ];
  let group = '';
  for (const rule of RULES) {
    if (rule.group !== group) {
      group = rule.group;
      out.push('', `## ${group}`, '');
    }
    out.push(...formatRule(rule));
  }
  out.push('## Checklist items', '');
  for (const code of CHECKLIST_CODES) out.push(`### ${code}`, '', cell(CHECKLIST_TEXT[code]), '');
  out.push('## Sources', '');
  for (const source of getCitedSources(RULES.map((r) => r.sources))) {
    out.push(`### ${source.tag}`, '', cell(source.title), '');
    if (source.urls.length > 0) out.push(...source.urls.map((url) => `- <${url}>`), '');
  }
  return out.join('\n').replace(/\n+$/, '\n');
}
