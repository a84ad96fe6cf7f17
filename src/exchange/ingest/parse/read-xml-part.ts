import type { ZipArchive, ZipEntry } from './open-zip.js';
import { createXmlScanner, type XmlHandlers } from './scan-xml.js';

/** The text of an XML part of a package, decoded from UTF-8 as it streams. */
export async function* readXmlText(zip: ZipArchive, entry: ZipEntry, maxBytes: number): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of zip.read(entry, maxBytes)) {
    const text = decoder.decode(chunk, { stream: true });
    if (text.length > 0) yield text;
  }
  const tail = decoder.decode();
  if (tail.length > 0) yield tail;
}

/** Runs a whole (small) XML part through the handlers. */
export async function scanXmlPart(
  zip: ZipArchive,
  entry: ZipEntry,
  maxBytes: number,
  handlers: XmlHandlers,
): Promise<void> {
  const scanner = createXmlScanner(handlers);
  for await (const text of readXmlText(zip, entry, maxBytes)) scanner.write(text);
  scanner.end();
}
