import { importFile } from '../../src/importers/registry.ts';
import type { FormatId, ImportResult } from '../../src/log/import-contract.ts';
import { inputFromBytes } from '../../src/io/input-file.ts';

export function importText(
  name: string,
  content: string | Buffer,
  from?: FormatId,
): Promise<ImportResult> {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return importFile(inputFromBytes(name, bytes), from);
}

/** The error an import throws, for asserting on its message and location. */
export async function importError(
  name: string,
  content: string | Buffer,
  from?: FormatId,
): Promise<Error & { file?: string; location?: { line?: number; column?: number } }> {
  try {
    await importText(name, content, from);
  } catch (error) {
    return error as Error;
  }
  throw new Error(`expected ${name} to be rejected`);
}
