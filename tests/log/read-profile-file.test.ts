import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, MissingInputError } from '../../src/errors.ts';
import { readProfileFile, readProfileFileWithWarnings } from '../../src/log/read-profile-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'cyclecheck-profile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('readProfileFile', () => {
  it('reads a profile object', async () => {
    const path = file(
      'p.json',
      '{"age": 41, "contraception": [{"method": "hormonal-iud", "start": "2024-01-10"}]}',
    );
    expect(await readProfileFile(path)).toEqual({
      age: 41,
      contraception: [{ method: 'hormonal-iud', start: '2024-01-10' }],
    });
  });

  it('takes the profile of a whole canonical JSON log', async () => {
    const path = file(
      'log.json',
      '{"format": "cyclecheck-log/1", "profile": {"menopause": "post"}, "days": []}',
    );
    expect(await readProfileFile(path)).toEqual({ menopause: 'post' });
  });

  it('warns about unknown keys and leaves them out', async () => {
    const path = file('extra.json', '{\n"age": 30,\n"nickname": "A"\n}');
    const { profile, warnings } = await readProfileFileWithWarnings(path);
    expect(profile).toEqual({ age: 30 });
    expect(warnings).toEqual([
      {
        file: path,
        line: 3,
        message:
          'nickname: unknown profile key ignored (known keys: name, age, birth_date, menopause, contraception, pregnancy, not_tracked, last_screening, medicines, as_of)',
      },
    ]);
  });

  it.each([
    ['bad value', '{"age": 101}', ':1:9:age: 101 is not a whole number from 8 to 100'],
    ['syntax error', '{"age": 30,}', ':1:12: invalid JSON: expected a property name'],
    ['prototype key', '{"__proto__": {"age": 30}}', ':1:2: "__proto__" is not allowed as a key'],
    ['not an object', '[]', ':1:1: expected an object such as {"age": 32, "menopause": "pre"}'],
    ['empty', '', ':1: the file is empty'],
  ])('%s is an InputError naming the place', async (_name, content, message) => {
    const path = file('bad.json', content);
    const error = await readProfileFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message.startsWith(path + message), (error as Error).message).toBe(
      true,
    );
  });

  it.each([
    ['a missing file', () => join(dir, 'nope.json'), 'no such file'],
    ['a directory', () => dir, 'is a directory'],
  ])('%s is a MissingInputError', async (_name, path, message) => {
    const error = await readProfileFile(path()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingInputError);
    expect((error as Error).message).toContain(message);
  });
});
