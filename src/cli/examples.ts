/**
 * `--help` leads with real examples that run from any folder for an installed user (`cyclecheck
 * example` writes the log they use): they are printed before the usage line;
 * notes that explain the output follow the options. Both are wrapped to the help width when
 * help is shown.
 */
import type { Command } from 'commander';
import { wrapText } from '../text/wrap.ts';
import { getHelpWidth } from './help-layout.ts';

/** Paragraphs (separated by blank lines) re-wrapped to `width`. */
function wrapParagraphs(text: string, width: number): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => wrapText(p.replace(/\s*\n\s*/g, ' '), width).join('\n'))
    .join('\n\n');
}

export function addExamples(command: Command, examples: readonly string[], notes?: string): void {
  command.addHelpText('before', () => {
    const width = getHelpWidth();
    const lines = examples.flatMap((example) =>
      wrapText(`cyclecheck ${example}`, width, '      ', '  $ '),
    );
    return `Examples:\n${lines.join('\n')}\n`;
  });
  if (notes !== undefined)
    command.addHelpText('after', () => `\n${wrapParagraphs(notes, getHelpWidth())}`);
}
