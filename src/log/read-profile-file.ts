/**
 * `--profile FILE`: a JSON object with profile keys. A whole canonical JSON log is accepted too
 * (its `profile` is used), so a saved log can lend its profile to an app export.
 */
import type { Profile } from '../core/log.ts';
import type { Warning } from './import-contract.ts';
import { openInputFile } from '../io/input-file.ts';
import { readJsonDocument } from './canonical-json.ts';
import { decodeTextFile } from './decode-text.ts';
import { getJsonKeys, isJsonObject, parseProfileJson } from './profile.ts';

const LOG_KEYS = new Set(['format', 'profile', 'days']);

export async function readProfileFileWithWarnings(
  path: string,
): Promise<{ profile: Profile; warnings: Warning[] }> {
  const input = await openInputFile(path);
  const text = decodeTextFile(await input.readAll(), input.name);
  const { value, root } = readJsonDocument(text, input.name);
  if (isJsonObject(value) && Object.hasOwn(value, 'profile')) {
    const keys = getJsonKeys(value, root);
    if (keys.every((key) => LOG_KEYS.has(key))) {
      return parseProfileJson(value['profile'] ?? {}, root.at(value, 'profile'));
    }
  }
  return parseProfileJson(value, root);
}

/** Reads a profile file. Missing or unreadable → MissingInputError; invalid → InputError. */
export async function readProfileFile(path: string): Promise<Profile> {
  return (await readProfileFileWithWarnings(path)).profile;
}
