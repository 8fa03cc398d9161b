import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { childText, parseXml } from '../../../test/helpers/xml.js';
import { el, escapeXmlText, fields, xmlDocument } from './xml.js';

describe('the Open311 XML writer', () => {
  it('writes the declaration, nested elements, empty elements for null and nothing for undefined', () => {
    const xml = xmlDocument(el('service_requests', [el('request', fields({ service_request_id: 'IB-2026-000001', account_id: null, token: undefined, metadata: true, order: 3 }))]));
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<service_requests><request>')).toBe(true);
    expect(xml).toContain('<account_id/>');
    expect(xml).not.toContain('token');
    const { root, declaration } = parseXml(xml);
    expect(declaration).toEqual({ version: '1.0', encoding: 'utf-8' });
    expect(childText(root.children[0], 'metadata')).toBe('true');
    expect(childText(root.children[0], 'order')).toBe('3');
  });

  it('escapes markup and drops the characters XML 1.0 cannot carry', () => {
    expect(escapeXmlText(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
    expect(escapeXmlText('bell\u0007 nul\u0000 esc\u001b ok\t\n')).toBe('bell nul esc ok\t\n');
    expect(escapeXmlText('lone \ud800 surrogate, pair 😀, \ufffe')).toBe('lone  surrogate, pair 😀, ');
    const xml = xmlDocument(el('description', '</description><evil/>&amp; ]]> <!-- x -->'));
    expect(parseXml(xml).root.text).toBe('</description><evil/>&amp; ]]> <!-- x -->');
  });

  it('refuses an element name that is not one', () => {
    expect(() => xmlDocument(el('bad name', 'x'))).toThrow(/element name/);
    expect(() => xmlDocument(el('a', [el('<b>', 'x')]))).toThrow(/element name/);
  });

  it('gives a well-formed document whose text reads back as written, for any string', () => {
    const allowed = (s: string) => s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const { root } = parseXml(xmlDocument(el('request', [el('description', text)])));
        // A parser normalises line ends (XML 1.0 §2.11): CR LF and lone CR read back as LF.
        expect(childText(root, 'description') ?? '').toBe(allowed(text).replace(/\r\n?/g, '\n'));
      }),
      { numRuns: 500 },
    );
  });
});
