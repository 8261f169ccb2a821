/** A few helpers over parse5's default tree, enough to inspect the HTML report in tests. */
import { parse, type DefaultTreeAdapterTypes, type ParserError } from 'parse5';

export type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.Node;

export function parseHtml(html: string): {
  document: DefaultTreeAdapterTypes.Document;
  errors: ParserError[];
} {
  const errors: ParserError[] = [];
  const document = parse(html, { onParseError: (e) => errors.push(e) });
  return { document, errors };
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function children(node: Node): Node[] {
  if (node.nodeName === 'template')
    return (node as DefaultTreeAdapterTypes.Template).content.childNodes;
  return 'childNodes' in node ? node.childNodes : [];
}

export function allElements(root: Node): Element[] {
  const out: Element[] = [];
  const walk = (node: Node): void => {
    if (isElement(node)) out.push(node);
    for (const child of children(node)) walk(child);
  };
  walk(root);
  return out;
}

export function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

export function hasClass(el: Element, name: string): boolean {
  return (attr(el, 'class') ?? '').split(/\s+/).includes(name);
}

/** Text content, as a browser would give it (entities decoded). */
export function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  return children(node).map(textOf).join('');
}

export function byTag(root: Node, tag: string): Element[] {
  return allElements(root).filter((e) => e.tagName === tag);
}
