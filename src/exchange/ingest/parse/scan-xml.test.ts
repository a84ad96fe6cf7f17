import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createXmlScanner, decodeXmlText, localName, xmlAttribute, xmlAttributes } from './scan-xml.js';

function events(chunks: string[]): string[] {
  const out: string[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') out.push(`text:${text}`);
    text = '';
  };
  const scanner = createXmlScanner({
    open(name, attributes, selfClosing) {
      flush();
      out.push(`open:${name}:${attributes.trim()}:${selfClosing}`);
    },
    close(name) {
      flush();
      out.push(`close:${name}`);
    },
    text(raw, cdata) {
      text += cdata ? raw : decodeXmlText(raw);
    },
  });
  for (const chunk of chunks) scanner.write(chunk);
  scanner.end();
  flush();
  return out;
}

const SHEET =
  '<?xml version="1.0"?><!-- a comment with <tags> --><x:worksheet xmlns:x="ns"><sheetData>' +
  '<row r="1"><c r="A1" t="inlineStr"><is><t>张三 &amp; 李四 &#x4E00;&#20108;</t></is></c>' +
  '<c r="B1" s="2" t="str"><f>A1&amp;"&gt;"</f><v><![CDATA[a<b]]></v></c><c r="C1"/></row>' +
  '<row r="3" spans="1:3" attr=\'a>b\'/></sheetData></x:worksheet>';

describe('createXmlScanner', () => {
  it('reports tags, attributes, entities and CDATA in document order', () => {
    const out = events([SHEET]);
    expect(out).toContain('text:张三 & 李四 一二');
    expect(out).toContain('text:a<b');
    expect(out).toContain('open:c:r="C1":true');
    expect(out).toContain('open:row:r="3" spans="1:3" attr=\'a>b\':true');
    expect(out.filter((event) => event.startsWith('open:')).length).toBe(
      out.filter((e) => e.startsWith('close:')).length,
    );
  });

  it('reports the same events however the text is cut into chunks', () => {
    const whole = events([SHEET]);
    fc.assert(
      fc.property(fc.array(fc.nat(SHEET.length), { maxLength: 12 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const chunks: string[] = [];
        let start = 0;
        for (const point of [...points, SHEET.length]) {
          chunks.push(SHEET.slice(start, point));
          start = point;
        }
        expect(events(chunks)).toEqual(whole);
      }),
    );
  });

  it('never throws on malformed markup short of a megabyte', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        events([text, '<', text]);
      }),
    );
  });
});

describe('XML attributes', () => {
  it('finds an attribute by its exact name and decodes it', () => {
    expect(xmlAttribute(' r="A1" s="3" t="s"', 'r')).toBe('A1');
    expect(xmlAttribute(' ref="A1" r:id="rId1"', 'r')).toBeUndefined();
    expect(xmlAttribute(" name='a&amp;b'", 'name')).toBe('a&b');
    expect(xmlAttributes(' name="数据" r:id="rId2" state="hidden"')).toEqual({
      name: '数据',
      id: 'rId2',
      state: 'hidden',
    });
    expect(localName('x:row')).toBe('row');
  });
});
