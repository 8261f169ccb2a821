/**
 * `cyclecheck formats`: every supported format, how to export it from the app, what is mapped
 * and dropped, and how sure the mapping is.
 */
import { FORMAT_DOCS, KNOWN_UNSUPPORTED, type FormatDoc } from '../importers/format-docs.ts';
import { wrapText } from '../text/wrap.ts';
import { formatJson } from '../text/sanitize.ts';

export interface FormatsOptions {
  json?: boolean;
}

const WIDTH = 80;

function section(label: string, items: readonly string[]): string[] {
  if (items.length === 0) return [];
  return [`  ${label}:`, ...items.flatMap((item) => wrapText(item, WIDTH, '      ', '    - '))];
}

export function formatFormatsText(docs: readonly FormatDoc[] = FORMAT_DOCS): string {
  const lines = [
    'Formats cyclecheck reads. It recognises each from the content, not the file',
    'name; --from FORMAT overrides that. `cyclecheck convert FILE` turns any of them',
    'into an editable cyclecheck log.',
    '',
  ];
  for (const doc of docs) {
    const confidence = doc.experimental ? `${doc.confidence}, experimental` : doc.confidence;
    lines.push(`${doc.name} (--from ${doc.id}; confidence: ${confidence})`);
    lines.push(...wrapText(`Files: ${doc.files.join(', ')}`, WIDTH, '    ', '  '));
    lines.push(...wrapText(`How to export: ${doc.export}`, WIDTH, '    ', '  '));
    lines.push(...section('Mapped', doc.mapped));
    lines.push(...section('Dropped', doc.dropped));
    lines.push(...section('Choices', doc.choices));
    lines.push('');
  }
  if (docs === FORMAT_DOCS) {
    lines.push('Recognised but not read yet (use `cyclecheck interview` or a cyclecheck CSV):');
    for (const known of KNOWN_UNSUPPORTED) {
      lines.push(...wrapText(`${known.name}: ${known.why}.`, WIDTH, '    ', '  - '));
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function formatFormatsJson(docs: readonly FormatDoc[] = FORMAT_DOCS): string {
  return formatJson({ format: 'cyclecheck-formats/1', formats: docs }, 2) + '\n';
}

export function runFormats(options: FormatsOptions): number {
  process.stdout.write(options.json ? formatFormatsJson() : formatFormatsText());
  return 0;
}
