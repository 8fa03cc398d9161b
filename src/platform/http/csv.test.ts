import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument } from './csv.js';

describe('CSV cells', () => {
  it('prefixes a text cell a spreadsheet would run as a formula with an apostrophe', () => {
    expect(['=1+1', '+31 20', '-2', '@SUM(A1)', '\t=x', '\r=x'].map(csvCell)).toEqual(["'=1+1", "'+31 20", "'-2", "'@SUM(A1)", "'\t=x", `"'\r=x"`]);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes numbers as numbers, even negative ones, and nothing for a missing value', () => {
    expect([-2, 66.7, 0, null, undefined, Number.NaN].map(csvCell)).toEqual(['-2', '66.7', '0', '', '', '']);
  });

  it('quotes a cell with a comma, a quote or a line break, doubling its quotes', () => {
    expect(csvCell('Haidian, Beijing')).toBe('"Haidian, Beijing"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('makes a document with a byte-order mark and CRLF line ends', () => {
    expect(csvDocument([['a', 1], ['海淀区', null]])).toBe('\ufeffa,1\r\n海淀区,\r\n');
  });
});
