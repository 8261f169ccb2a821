/** `cyclecheck rules [ID]`: the catalogue, printed from the same table the analyzer runs on. */
import { RULES, ruleMeta } from '../core/rules/catalogue.ts';
import { isRuleId, RULE_IDS } from '../core/rules/ids.ts';
import { EXIT, UsageError } from '../errors.ts';
import { CHECKLIST_TEXT } from '../report/checklist.ts';
import { RULE_TEXT } from '../report/rule-text.ts';
import { getSource, sortByAuthority } from '../report/sources.ts';
import { wrapText } from '../text/wrap.ts';
import { formatJson } from '../text/sanitize.ts';
import { formatRulesMarkdown } from './rules-markdown.ts';

export function runRules(id: string | undefined, options: { json?: boolean; to?: string }): number {
  if (options.to === 'markdown') {
    if (id !== undefined) throw new UsageError('--to markdown prints every rule; leave out the id');
    process.stdout.write(formatRulesMarkdown());
    return EXIT.ok;
  }
  if (id !== undefined && !isRuleId(id)) {
    const close = RULE_IDS.filter((r) => r.includes(id) || id.includes(r));
    throw new UsageError(
      `no rule called '${id}'`,
      close.length > 0
        ? `Did you mean: ${close.join(', ')}?`
        : 'Run `cyclecheck rules` for the list.',
    );
  }
  const rules = id !== undefined ? [ruleMeta(id as (typeof RULE_IDS)[number])] : RULES;
  if (options.json === true || options.to === 'json') {
    const data = rules.map((r) => ({
      ...r,
      title: RULE_TEXT[r.id].title,
      trigger: RULE_TEXT[r.id].trigger,
      summary: RULE_TEXT[r.id].summary,
    }));
    process.stdout.write(formatJson(id !== undefined ? data[0] : data, 2) + '\n');
    return EXIT.ok;
  }
  const out: string[] = [];
  if (id === undefined) {
    let group = '';
    for (const r of rules) {
      if (r.group !== group) {
        group = r.group;
        out.push('', group);
      }
      out.push(`  ${String(r.number).padStart(2)}. ${r.id} [${r.tiers.join(' / ')}]`);
      out.push(...wrapText(RULE_TEXT[r.id].trigger, 80, '      '));
      const named = sortByAuthority(r.sources).map((tag) => `${getSource(tag).short} [${tag}]`);
      out.push(...wrapText(`Sources: ${named.join('; ')}`, 80, '        ', '      '));
    }
    out.push('', 'Run `cyclecheck rules ID` for a rule in full.');
  } else {
    const r = rules[0]!;
    const text = RULE_TEXT[r.id];
    out.push(
      `${r.number}. ${r.id} — ${text.title}`,
      `Group: ${r.group}`,
      `Tier: ${r.tier}${r.tiers.length > 1 ? ` (can also be ${r.tiers.slice(1).join(', ')})` : ''}`,
      '',
    );
    out.push(...wrapText(`When: ${text.trigger}`, 80, '  ', ''));
    out.push(...wrapText(`Says: ${text.summary}`, 80, '  ', ''));
    out.push('', 'Sources (guidelines and reviews first):');
    for (const tag of sortByAuthority(r.sources)) {
      const source = getSource(tag);
      out.push(...wrapText(`[${tag}] ${source.title}`, 80, '      ', '  '));
      for (const url of source.urls) out.push(`      ${url}`);
    }
    if (r.checklist.length > 0) {
      out.push('', 'Checklist:');
      for (const code of r.checklist)
        out.push(...wrapText(`${code}  ${CHECKLIST_TEXT[code]}`, 80, '      ', '  '));
    }
  }
  process.stdout.write(out.join('\n').replace(/^\n/, '') + '\n');
  return EXIT.ok;
}
