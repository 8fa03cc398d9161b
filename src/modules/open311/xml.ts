/**
 * A small XML writer for the GeoReport v2 answers: schemaless, no namespace, UTF-8 with the XML declaration, as the
 * specification asks. Text is escaped (& < > and both quotes), and characters XML 1.0 cannot carry at all (control
 * characters, lone surrogates, U+FFFE/U+FFFF) are dropped, so a description holding any of them still gives a
 * well-formed document. Element names come from code, never from input, and are checked anyway.
 */
export type XmlScalar = string | number | boolean | null | undefined;
export interface XmlElement {
  name: string;
  content: XmlScalar | XmlElement[];
}

/** `<name>content</name>`; `null` writes an empty element, `undefined` leaves the element out. */
export function el(name: string, content: XmlScalar | XmlElement[]): XmlElement {
  return { name, content };
}

/** The elements of a record, in the record's order (Open311's JSON and XML carry the same fields). */
export function fields(record: Readonly<Record<string, XmlScalar>>): XmlElement[] {
  return Object.entries(record).map(([name, value]) => el(name, value));
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
// Everything outside XML 1.0's Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function scalarText(value: Exclude<XmlScalar, null | undefined>): string {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`Not a number XML can carry: ${value}`);
  return escapeXmlText(String(value));
}

function write(element: XmlElement, out: string[]): void {
  if (!NAME.test(element.name)) throw new Error(`Not an XML element name: ${JSON.stringify(element.name)}`);
  const { name, content } = element;
  if (content === undefined) return;
  if (content === null || content === '' || (Array.isArray(content) && content.length === 0)) {
    out.push(`<${name}/>`);
    return;
  }
  if (!Array.isArray(content)) {
    out.push(`<${name}>${scalarText(content)}</${name}>`);
    return;
  }
  out.push(`<${name}>`);
  for (const child of content) write(child, out);
  out.push(`</${name}>`);
}

/** A whole document: the declaration, then the root element. */
export function xmlDocument(root: XmlElement): string {
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  write(root, out);
  out.push('\n');
  return out.join('');
}
