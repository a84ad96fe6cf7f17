import { describe, expect, it } from 'vitest';
import { escapeXmlText } from './xml-text.js';

describe('escapeXmlText', () => {
  it('escapes markup and keeps CR as a character reference', () => {
    expect(escapeXmlText('a & b < c > "d"\r\n')).toBe('a &amp; b &lt; c &gt; &quot;d&quot;&#13;\n');
  });

  it('drops control characters, lone surrogates and U+FFFE/U+FFFF but keeps tab, LF and emoji', () => {
    expect(escapeXmlText('a\u0000b\u0007c\u001f\td\ne\uD800f\uDFFF😀𠮷\uFFFEg\uFFFF')).toBe('abc\td\nef😀𠮷g');
  });

  it('protects text that Excel would otherwise decode as an _xHHHH_ escape', () => {
    expect(escapeXmlText('_x0041_ and _x00e9_ but not _x12_')).toBe('_x005F_x0041_ and _x005F_x00e9_ but not _x12_');
  });

  it('returns ordinary text unchanged', () => {
    expect(escapeXmlText('张三 110101199001011234')).toBe('张三 110101199001011234');
  });
});
