/** UTF-8 text of an export, without the byte-order mark some Windows tools and apps prepend. */
export function decodeUtf8(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
