/**
 * The small piece of XML the Apple Health scanner needs: one start tag's attributes, read from
 * raw bytes. Only the five predefined entities and character references are decoded; any other
 * entity reference is an error, so a crafted file can never make us expand anything.
 */

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQ = 0x3d;
const QUOT = 0x22;
const APOS = 0x27;

/** A start tag read from bytes. `end` is the offset just after its `>`. */
export interface StartTag {
  name: string;
  attributes: Map<string, string>;
  selfClosing: boolean;
  end: number;
}

/** A syntax problem inside one tag, at a byte offset the caller turns into a line. */
export class TagSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function isNameByte(byte: number | undefined): boolean {
  if (byte === undefined) return false;
  return (
    (byte >= 0x61 && byte <= 0x7a) ||
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x30 && byte <= 0x39) ||
    byte === 0x5f ||
    byte === 0x3a ||
    byte === 0x2d ||
    byte === 0x2e ||
    byte >= 0x80
  );
}

// The fast path: one regular expression over the decoded tag (native code from the first call,
// which matters for the few thousand records read once per run). Names and values are limited
// exactly as in the byte parser below, so both accept the same tags.
const NAME = '[A-Za-z0-9_:.\\-\\u0080-\\uffff]+';
const TAG = new RegExp(
  `^<(${NAME})((?:[ \\t\\r\\n]+${NAME}[ \\t\\r\\n]*=[ \\t\\r\\n]*(?:"[^"<]*"|'[^'<]*'))*)[ \\t\\r\\n]*(/?)>$`,
);
const ATTRIBUTE = new RegExp(
  `[ \\t\\r\\n]+(${NAME})[ \\t\\r\\n]*=[ \\t\\r\\n]*(?:"([^"<]*)"|'([^'<]*)')`,
  'g',
);
/**
 * Reads the start tag that begins with `<` at `start`. Returns `undefined` when the buffer ends
 * before the tag does (the caller waits for more bytes); throws TagSyntaxError on bad syntax.
 */
export function readStartTag(buf: Buffer, start: number): StartTag | undefined {
  // Apple escapes ">" in attribute values, so the first ">" usually ends the tag; when it does
  // not (or the bytes are not valid UTF-8), the byte parser decides.
  const gt = buf.indexOf(GT, start);
  if (gt === -1) return readStartTagBytes(buf, start);
  const text = buf.toString('utf8', start, gt + 1);
  const match = TAG.exec(text);
  if (!match || text.includes('\ufffd')) return readStartTagBytes(buf, start);
  const [, name = '', list = '', slash] = match;
  const attributes = new Map<string, string>();
  const listStart = 1 + name.length;
  const byteOffset = (index: number): number => start + Buffer.byteLength(text.slice(0, index));
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(list); m; m = ATTRIBUTE.exec(list)) {
    const attrName = m[1] ?? '';
    if (attributes.has(attrName)) {
      throw new TagSyntaxError(
        `attribute ${attrName} appears twice in <${name}>`,
        byteOffset(listStart + m.index),
      );
    }
    const raw = m[2] ?? m[3] ?? '';
    const valueIndex = listStart + m.index + m[0].length - raw.length - 1;
    attributes.set(
      attrName,
      decodeAttributeText(raw, (i) => byteOffset(valueIndex + i)),
    );
  }
  return { name, attributes, selfClosing: slash === '/', end: gt + 1 };
}

/** The byte-level parser: exact about where a tag is incomplete or wrong. */
function readStartTagBytes(buf: Buffer, start: number): StartTag | undefined {
  if (buf[start] !== LT) throw new TagSyntaxError('expected "<"', start);
  let i = start + 1;
  const nameStart = i;
  while (isNameByte(buf[i])) i++;
  if (i >= buf.length) return undefined;
  if (i === nameStart) throw new TagSyntaxError('expected an element name after "<"', i);
  const name = buf.toString('utf8', nameStart, i);
  const attributes = new Map<string, string>();
  for (;;) {
    const beforeSpace = i;
    while (isSpace(buf[i])) i++;
    if (i >= buf.length) return undefined;
    const byte = buf[i];
    if (byte === GT) return { name, attributes, selfClosing: false, end: i + 1 };
    if (byte === SLASH) {
      if (i + 1 >= buf.length) return undefined;
      if (buf[i + 1] !== GT) throw new TagSyntaxError('expected ">" after "/"', i + 1);
      return { name, attributes, selfClosing: true, end: i + 2 };
    }
    if (i === beforeSpace) throw new TagSyntaxError('expected a space between attributes', i);
    const attrStart = i;
    while (isNameByte(buf[i])) i++;
    if (i >= buf.length) return undefined;
    if (i === attrStart) {
      throw new TagSyntaxError(
        `unexpected character "${String.fromCharCode(buf[i] ?? 0)}" in <${name}>`,
        i,
      );
    }
    const attrName = buf.toString('utf8', attrStart, i);
    while (isSpace(buf[i])) i++;
    if (i >= buf.length) return undefined;
    if (buf[i] !== EQ) throw new TagSyntaxError(`expected "=" after attribute ${attrName}`, i);
    i++;
    while (isSpace(buf[i])) i++;
    if (i >= buf.length) return undefined;
    const quote = buf[i];
    if (quote !== QUOT && quote !== APOS) {
      throw new TagSyntaxError(`the value of attribute ${attrName} is not quoted`, i);
    }
    const valueStart = i + 1;
    const valueEnd = buf.indexOf(quote, valueStart);
    if (valueEnd === -1) return undefined;
    const lt = buf.indexOf(LT, valueStart);
    if (lt !== -1 && lt < valueEnd) {
      throw new TagSyntaxError(`"<" inside the value of attribute ${attrName}`, lt);
    }
    if (attributes.has(attrName)) {
      throw new TagSyntaxError(`attribute ${attrName} appears twice in <${name}>`, attrStart);
    }
    attributes.set(attrName, decodeAttributeValue(buf, valueStart, valueEnd));
    i = valueEnd + 1;
  }
}

const PREDEFINED = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

function isAllowedCodePoint(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/**
 * Decodes an attribute value: the five predefined entities, decimal and hexadecimal character
 * references, and literal whitespace normalised to spaces (XML 1.0 §3.3.3). `offsetOf` turns a
 * character index into a byte offset for errors.
 */
export function decodeAttributeText(raw: string, offsetOf: (index: number) => number): string {
  if (!/[&\t\n\r]/.test(raw)) return raw;
  return raw.replace(
    /&([^;&\s]*)(;?)|\r\n|[\t\n\r]/g,
    (match, body: string | undefined, semi: string | undefined, index: number) => {
      if (body === undefined) return ' ';
      if (semi !== ';') {
        throw new TagSyntaxError(
          '"&" not followed by an entity name and ";" in an attribute value',
          offsetOf(index),
        );
      }
      const predefined = PREDEFINED.get(body);
      if (predefined !== undefined) return predefined;
      const numeric = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(body);
      if (numeric) {
        const cp = numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2]);
        if (!isAllowedCodePoint(cp)) {
          throw new TagSyntaxError(
            `character reference ${match} is not an allowed XML character`,
            offsetOf(index),
          );
        }
        return String.fromCodePoint(cp);
      }
      throw new TagSyntaxError(
        `undefined entity reference ${match} in an attribute value (only &lt; &gt; &amp; &quot; &apos; and &#…; are allowed)`,
        offsetOf(index),
      );
    },
  );
}

function decodeAttributeValue(buf: Buffer, start: number, end: number): string {
  const raw = buf.toString('utf8', start, end);
  return decodeAttributeText(raw, (index) => start + Buffer.byteLength(raw.slice(0, index)));
}

/** Index of the `>` that ends the tag starting at `start`, skipping quoted values; -1 if none yet. */
export function findTagEnd(buf: Buffer, start: number): number {
  let quote = 0;
  for (let i = start; i < buf.length; i++) {
    const byte = buf[i];
    if (quote !== 0) {
      if (byte === quote) quote = 0;
    } else if (byte === QUOT || byte === APOS) {
      quote = byte;
    } else if (byte === GT) {
      return i;
    }
  }
  return -1;
}
