/**
 * Apple Health (`export.xml`, or `export.zip` read directly): cycle-tracking records mapped to
 * the canonical log. See `cyclecheck formats` (src/importers/format-docs.ts).
 */
import type { ImportResult, Importer } from '../../log/import-contract.ts';
import { isZipHead } from './detect.ts';
import { AppleRecordMapper } from './map-records.ts';
import { readFileChunks } from './read-chunks.ts';
import { openZippedExport } from './read-zip.ts';
import { scanAppleExport } from './scan-export.ts';

export { looksLikeAppleHealth } from './detect.ts';

export const appleHealthImporter: Importer = {
  id: 'apple-health',
  label: 'Apple Health export (export.xml / export.zip)',
  async read(input): Promise<ImportResult> {
    const source = isZipHead(input.head)
      ? await openZippedExport(input)
      : {
          name: input.name,
          chunks: input.path === undefined ? input.stream() : readFileChunks(input.path),
        };
    const mapper = new AppleRecordMapper(source.name);
    const { header, counted } = await scanAppleExport(source.chunks, source.name, {
      interest: (type) => mapper.interest(type),
      onRecord: (record) => mapper.onRecord(record),
    });
    for (const { type, count, line } of counted) mapper.addCounted(type, count, line);
    const { log, warnings, summary, gaps, appNotes } = mapper.finish(header);
    if (log.days.length === 0 && summary.every((row) => row.mapped === 0)) {
      warnings.push({
        file: source.name,
        message: 'the export has no cycle-tracking records (Health app → Browse → Cycle Tracking)',
      });
    }
    return { log, format: 'apple-health', warnings, summary, gaps, appNotes };
  },
};
