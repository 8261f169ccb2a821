/**
 * Reads export.xml straight out of Apple's export.zip, inflating as we scan (zlib works on the
 * thread pool, so inflating and scanning overlap). Nothing is unpacked to disk.
 */
import { InputError } from '../../errors.ts';
import type { InputFile } from '../../io/input-file.ts';
import { sanitizeInline } from '../../text/sanitize.ts';
import { describeZipListing, listZipEntries, streamZipEntry } from '../common/zip.ts';

export interface ZippedExport {
  /** How messages name the XML: `export.zip (apple_health_export/export.xml)`. */
  name: string;
  chunks: AsyncIterable<Buffer>;
}

function isExportXml(fileName: string): boolean {
  return fileName === 'export.xml' || fileName.endsWith('/export.xml');
}

/** Opens the export.xml inside `input` (a zip file on disk). */
export async function openZippedExport(input: InputFile): Promise<ZippedExport> {
  const open = await listZipEntries(
    input,
    'an Apple Health export.zip',
    'Pass the path of export.zip, or unzip it and pass apple_health_export/export.xml.',
  );
  const candidates = open.entries.filter((e) => isExportXml(e.fileName));
  const entry =
    candidates.find((e) => e.fileName === 'apple_health_export/export.xml') ??
    (candidates.length === 1 ? candidates[0] : undefined);
  if (entry === undefined) {
    open.zip.close();
    if (candidates.length > 1) {
      throw new InputError(
        input.name,
        {},
        `this zip holds several export.xml files (${candidates.map((e) => sanitizeInline(e.fileName)).join(', ')}); cyclecheck cannot tell which to read`,
        'Unzip it and pass the export.xml you mean.',
      );
    }
    throw new InputError(
      input.name,
      {},
      `this zip has no export.xml, so it is not an Apple Health export: ${describeZipListing(open.entries)}`,
      'The Health app writes export.zip with apple_health_export/export.xml inside (Profile → Export All Health Data).',
    );
  }
  const name = `${input.name} (${sanitizeInline(entry.fileName)})`;
  return { name, chunks: await streamZipEntry(open, entry, name) };
}
