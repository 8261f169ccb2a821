/**
 * An interrupted write leaves the old file intact: a child process that writes a large payload
 * with writeOutputFile (src/io/write-output.ts, bundled for the child with esbuild) is killed
 * with SIGKILL in the middle of writing. Whenever the kill lands, the target holds either the
 * old content or (had the rename happened) the complete new one — never part of it — and what
 * is left behind is private.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from './helpers.ts';

const WRITE_OUTPUT = fileURLToPath(new URL('../../src/io/write-output.ts', import.meta.url));
const PAYLOAD_MB = 128;

const temp = makeTempDir();
const script = join(temp.dir, 'writer.mjs');

beforeAll(async () => {
  const entry = join(temp.dir, 'writer.ts');
  writeFileSync(
    entry,
    `import { writeOutputFile } from ${JSON.stringify(WRITE_OUTPUT)};
const [target, force] = process.argv.slice(2);
const payload = Buffer.alloc(${PAYLOAD_MB} * 1024 * 1024, 0x6e);
process.stdout.write('writing\\n');
await writeOutputFile(target, payload, { force: force === 'force' });
process.stdout.write('done\\n');
`,
  );
  await build({
    entryPoints: [entry],
    outfile: script,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
  });
}, 60_000);
afterAll(temp.cleanup);

/** Starts the writer and SIGKILLs it as soon as its temporary file holds some bytes. */
function writeAndKill(target: string, force: boolean): Promise<{ killedMidWrite: boolean }> {
  const dir = join(target, '..');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, target, force ? 'force' : 'no'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    let killedMidWrite = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const poll = setInterval(() => {
      const temps = readdirSync(dir).filter((name) => name.endsWith('.tmp'));
      const growing = temps.some((name) => {
        const size = statSync(join(dir, name), { throwIfNoEntry: false })?.size ?? 0;
        return size > 0 && size < PAYLOAD_MB * 1024 * 1024;
      });
      if (growing && !output.includes('done')) {
        killedMidWrite = true;
        child.kill('SIGKILL');
        clearInterval(poll);
      }
    }, 1);
    child.on('error', reject);
    child.on('close', () => {
      clearInterval(poll);
      resolve({ killedMidWrite });
    });
  });
}

describe('writeOutputFile killed mid-write', () => {
  it('keeps the old file whole', async () => {
    const target = join(temp.dir, 'report.md');
    writeFileSync(target, 'the old report\n');
    const { killedMidWrite } = await writeAndKill(target, true);
    expect(killedMidWrite, 'the kill landed while the temporary file was being written').toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('the old report\n');
    // What the kill left behind is a hidden temporary file, readable by its owner only.
    const leftovers = readdirSync(temp.dir).filter((name) => name.startsWith('.report.md.'));
    for (const name of leftovers) {
      expect(name).toMatch(/\.tmp$/);
      expect(statSync(join(temp.dir, name)).mode & 0o777).toBe(0o600);
    }
  });

  it('creates no partial file where there was none', async () => {
    const target = join(temp.dir, 'new-log.csv');
    const { killedMidWrite } = await writeAndKill(target, false);
    expect(killedMidWrite).toBe(true);
    expect(existsSync(target)).toBe(false);
  });

  it('when not killed, replaces the file whole, with mode 0600', async () => {
    const target = join(temp.dir, 'complete.md');
    writeFileSync(target, 'old\n', { mode: 0o644 });
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [script, target, 'force'], { stdio: 'ignore' });
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))));
    });
    expect(statSync(target).size).toBe(PAYLOAD_MB * 1024 * 1024);
    expect(statSync(target).mode & 0o777).toBe(0o600);
  }, 60_000);
});
