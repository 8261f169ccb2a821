/**
 * Content detection for Apple Health exports, from the first bytes of a file (the registry
 * passes the head; file names are never trusted).
 */

const ZIP_LOCAL_HEADER = 0x04034b50;

/** Whether the bytes start a zip archive (a local file header). */
export function isZipHead(head: Buffer): boolean {
  return head.length >= 4 && head.readUInt32LE(0) === ZIP_LOCAL_HEADER;
}

/**
 * 'xml' for an export.xml (XML whose head has `<HealthData` or Apple's `HealthKit Export
 * Version` DTD comment), 'zip' for a zip whose visible entry names mention
 * `apple_health_export/` or `export.xml`, otherwise undefined. A zip whose first entries are
 * something else can only be read with `--from apple-health`.
 */
export function looksLikeAppleHealth(head: Buffer): 'xml' | 'zip' | undefined {
  if (isZipHead(head)) {
    return head.includes('apple_health_export/', 0, 'latin1') ||
      head.includes('export.xml', 0, 'latin1')
      ? 'zip'
      : undefined;
  }
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09) i++;
  if (head[i] !== 0x3c) return undefined;
  return head.includes('<HealthData', i, 'latin1') ||
    head.includes('HealthKit Export Version', i, 'latin1')
    ? 'xml'
    : undefined;
}
