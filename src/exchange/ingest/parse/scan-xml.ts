/** What an {@link XmlScanner} reports, in document order. Names keep any namespace prefix. */
export interface XmlHandlers {
  /** A start tag (or an empty-element tag, then `selfClosing`); `attributes` is the raw text. */
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Character data: raw (entities still escaped), or literal for a CDATA section. */
  text(text: string, cdata: boolean): void;
}

/** A push parser fed text in pieces. */
export interface XmlScanner {
  write(chunk: string): void;
  end(): void;
}

/** Longest tag, comment or CDATA section held while waiting for its end. */
const MARKUP_MAX_CHARS = 1024 * 1024;
/** Text held back waiting for the next tag before it is passed on in parts. */
const TEXT_HOLD_CHARS = 64 * 1024;

/**
 * A small, forgiving streaming XML tokenizer for the machine-written parts of an XLSX package.
 * It never builds a tree, never expands entities beyond the predefined ones (see
 * {@link decodeXmlText}), skips comments, processing instructions and DOCTYPEs, and never throws
 * on malformed markup (it reads what it can); only markup longer than 1 MB throws, since it would
 * otherwise be held in memory.
 */
export function createXmlScanner(handlers: XmlHandlers): XmlScanner {
  let buffer = '';
  const scan = (final: boolean): void => {
    let pos = 0;
    const length = buffer.length;
    while (pos < length) {
      const lt = buffer.indexOf('<', pos);
      if (lt === -1) {
        if (final || length - pos > TEXT_HOLD_CHARS) {
          const cut = final ? length : safeTextEnd(buffer, length);
          if (cut > pos) handlers.text(buffer.slice(pos, cut), false);
          pos = cut;
        }
        break;
      }
      if (lt > pos) handlers.text(buffer.slice(pos, lt), false);
      pos = lt;
      const end = markupEnd(buffer, lt);
      if (end === -1) {
        if (length - lt > MARKUP_MAX_CHARS) throw new RangeError('XML markup longer than 1 MB');
        if (final) pos = length;
        break;
      }
      emitMarkup(buffer, lt, end, handlers);
      pos = end;
    }
    buffer = pos >= length ? '' : buffer.slice(pos);
  };
  return {
    write(chunk) {
      buffer = buffer.length === 0 ? chunk : buffer + chunk;
      scan(false);
    },
    end() {
      scan(true);
    },
  };
}

/** Where text may be cut without splitting an entity (`&amp;`). */
function safeTextEnd(text: string, length: number): number {
  const amp = text.lastIndexOf('&', length - 1);
  return amp !== -1 && text.indexOf(';', amp) === -1 && length - amp < 16 ? amp : length;
}

/** The index after the markup starting at `lt`, or -1 when it is not complete yet. */
function markupEnd(text: string, lt: number): number {
  if (text.startsWith('<!--', lt)) return after(text, '-->', lt + 4);
  if (text.startsWith('<![CDATA[', lt)) return after(text, ']]>', lt + 9);
  if (text.startsWith('<?', lt)) return after(text, '?>', lt + 2);
  if (text.length - lt < 9 && '<![CDATA['.startsWith(text.slice(lt))) return -1;
  let quote = 0;
  for (let i = lt + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === 0x22 || code === 0x27) {
      quote = code;
    } else if (code === 0x3e) {
      return i + 1;
    }
  }
  return -1;
}

function after(text: string, terminator: string, from: number): number {
  const at = text.indexOf(terminator, from);
  return at === -1 ? -1 : at + terminator.length;
}

function emitMarkup(text: string, lt: number, end: number, handlers: XmlHandlers): void {
  const second = text.charCodeAt(lt + 1);
  if (second === 0x21) {
    if (text.startsWith('<![CDATA[', lt)) handlers.text(text.slice(lt + 9, end - 3), true);
    return;
  }
  if (second === 0x3f) return;
  if (second === 0x2f) {
    handlers.close(text.slice(lt + 2, end - 1).trim());
    return;
  }
  const selfClosing = text.charCodeAt(end - 2) === 0x2f;
  const inner = text.slice(lt + 1, selfClosing ? end - 2 : end - 1);
  const space = inner.search(/[\s/]/);
  const name = space === -1 ? inner : inner.slice(0, space);
  if (name.length === 0) return;
  const attributes = space === -1 ? '' : inner.slice(space);
  handlers.open(name, attributes, selfClosing);
  if (selfClosing) handlers.close(name);
}

const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text with the predefined and numeric character references replaced. */
export function decodeXmlText(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(ENTITY, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED[name] ?? whole;
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The value of one attribute in a tag's raw attribute text, decoded; undefined when absent. */
export function xmlAttribute(attributes: string, name: string): string | undefined {
  const at = findAttribute(attributes, name);
  return at === undefined ? undefined : decodeXmlText(at);
}

function findAttribute(attributes: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = attributes.indexOf(name, from);
    if (at === -1) return undefined;
    from = at + name.length;
    const before = attributes.charCodeAt(at - 1);
    if (at > 0 && before !== 0x20 && before !== 0x09 && before !== 0x0a && before !== 0x0d) continue;
    const match = /^\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attributes.slice(from, from + 4096));
    if (match !== null) return match[1] ?? match[2];
  }
}

/** An element or attribute name without its namespace prefix (`x:c` → `c`). */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** All attributes of a tag by local name (prefixes dropped), decoded. */
export function xmlAttributes(attributes: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const match of attributes.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    result[localName(match[1]!)] = decodeXmlText(match[2] ?? match[3] ?? '');
  }
  return result;
}
