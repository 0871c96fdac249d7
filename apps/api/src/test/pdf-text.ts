/**
 * The text on the pages of a PDF as pdfkit (under pdfmake) writes it: objects with direct lengths, Flate streams,
 * Type0 fonts with a ToUnicode map and text drawn with TJ/Tj. Enough to read back what a letter prints — not a
 * general PDF reader. Words come out separated by single spaces, in drawing order.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<string, PdfObject> {
  const out = new Map<string, PdfObject>();
  const src = pdf.toString('latin1');
  const head = /(\d+) 0 obj\s*/g;
  for (let m = head.exec(src); m; m = head.exec(src)) {
    const start = m.index + m[0].length;
    const streamAt = src.indexOf('stream', start);
    const endAt = src.indexOf('endobj', start);
    if (streamAt >= 0 && streamAt < endAt && !src.slice(start, streamAt).includes('endobj')) {
      const dict = src.slice(start, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
      let from = streamAt + 'stream'.length;
      if (src[from] === '\r') from++;
      if (src[from] === '\n') from++;
      let data: Buffer = pdf.subarray(from, from + length);
      if (dict.includes('/FlateDecode')) data = inflateSync(data);
      out.set(m[1]!, { dict, stream: data });
      head.lastIndex = from + length;
    } else {
      out.set(m[1]!, { dict: src.slice(start, endAt), stream: null });
      head.lastIndex = endAt;
    }
  }
  return out;
}

const utf16 = (hex: string) => {
  let s = '';
  for (let i = 0; i + 4 <= hex.length; i += 4)
    s += String.fromCharCode(Number.parseInt(hex.slice(i, i + 4), 16));
  return s;
};

/** Glyph code → text, from a ToUnicode CMap (bfchar and both forms of bfrange). */
function cmap(text: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, code, uni] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(Number.parseInt(code!, 16), utf16(uni!));
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, rest] of block[1]!.matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g,
    )) {
      const from = Number.parseInt(lo!, 16);
      const to = Number.parseInt(hi!, 16);
      if (rest!.startsWith('[')) {
        const units = [...rest!.matchAll(/<([0-9a-fA-F]+)>/g)];
        for (const [i, [, uni]] of units.entries()) map.set(from + i, utf16(uni!));
      } else {
        const base = Number.parseInt(rest!.slice(1, -1), 16);
        for (let c = from; c <= to; c++) map.set(c, String.fromCharCode(base + c - from));
      }
    }
  }
  return map;
}

/** All text of all pages, words separated by single spaces. */
export function pdfText(pdf: Buffer): string {
  const objs = objects(pdf);
  const ref = (dict: string, key: string) => new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1];
  const words: string[] = [];
  for (const page of objs.values()) {
    if (!/\/Type \/Page\b/.test(page.dict)) continue;
    const resources = objs.get(ref(page.dict, 'Resources') ?? '')?.dict ?? page.dict;
    const fonts = new Map<string, Map<number, string>>();
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
    for (const [, name, id] of fontDict.matchAll(/\/(\w+) (\d+) 0 R/g)) {
      const unicode = objs.get(ref(objs.get(id!)?.dict ?? '', 'ToUnicode') ?? '')?.stream;
      fonts.set(name!, unicode ? cmap(unicode.toString('latin1')) : new Map());
    }
    const contents = objs.get(ref(page.dict, 'Contents') ?? '')?.stream?.toString('latin1') ?? '';
    let font = new Map<number, string>();
    for (const op of contents.matchAll(/\/(\w+) [\d.]+ Tf|\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      if (op[1]) {
        font = fonts.get(op[1]) ?? new Map();
        continue;
      }
      const hexes =
        op[2] !== undefined ? [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]!) : [op[3]!];
      let word = '';
      for (const hex of hexes)
        for (let i = 0; i + 4 <= hex.length; i += 4)
          word += font.get(Number.parseInt(hex.slice(i, i + 4), 16)) ?? '';
      words.push(word);
    }
  }
  return words.join(' ').replace(/\s+/g, ' ').trim();
}
