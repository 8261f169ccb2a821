/**
 * `batch --to html|markdown|pdf -o DIR` writes one document per log. Its name mirrors the log's path
 * below the folder all the logs share, plus `.html`, `.md` or `.pdf` (`site-a/p0.csv` →
 * `DIR/site-a/p0.csv.html`), so
 * names never collide and every shard of a split batch names a log's document the same way.
 */
import { dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';

/** The deepest folder that contains every one of `paths`. */
export function getCommonFolder(paths: readonly string[]): string {
  const folders = paths.map((p) => dirname(resolve(p)).split(sep));
  const first = folders[0] ?? [];
  let depth = first.length;
  for (const parts of folders) {
    let i = 0;
    while (i < depth && parts[i] === first[i]) i++;
    depth = i;
  }
  return first.slice(0, depth).join(sep) || sep;
}

export function getDocumentPath(
  outputDir: string,
  commonFolder: string,
  logPath: string,
  extension = '.html',
): string {
  const rel = relative(commonFolder, resolve(logPath));
  // Defensive: a path outside the common folder cannot occur, but must never escape outputDir.
  const safe = normalize(rel)
    .split(sep)
    .filter((part) => part !== '..' && part !== '' && part !== '.')
    .join(sep);
  if (safe === '' || isAbsolute(safe)) throw new Error(`no document name for ${logPath}`);
  return join(outputDir, `${safe}${extension}`);
}
