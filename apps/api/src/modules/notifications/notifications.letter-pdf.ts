/**
 * A letter as a printable PDF (A4, pdfmake on the server). The fonts are the Roboto files that ship inside the
 * pdfmake package: nothing is downloaded, and no other file or address may be read while rendering.
 * The address block sits where the window of a standard window envelope (NEN 1026) shows it: 22 mm from the left,
 * 50 mm from the top.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Locale } from '@voordeur/shared';
import type PdfMake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { LetterContent } from './notifications.letter.ts';

const fontDir = join(
  dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')),
  'fonts',
  'Roboto',
);
const fontFiles = {
  normal: join(fontDir, 'Roboto-Regular.ttf'),
  bold: join(fontDir, 'Roboto-Medium.ttf'),
  italics: join(fontDir, 'Roboto-Italic.ttf'),
  bolditalics: join(fontDir, 'Roboto-MediumItalic.ttf'),
};
const allowedFiles = new Set(Object.values(fontFiles));

/**
 * pdfmake, loaded at the first letter: importing it costs half a second, which every start of the server (and every
 * test file that builds the app) would otherwise pay for a letter it may never print.
 */
let printer: Promise<typeof PdfMake> | undefined;
function loadPdfmake() {
  printer ??= import('pdfmake').then((module) => {
    const pdfmake = (module as unknown as { default: typeof PdfMake }).default;
    pdfmake.setFonts({ Roboto: fontFiles });
    // A letter holds only text: refuse every URL and every file but the fonts (text comes from staff and templates).
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path) => allowedFiles.has(path));
    return pdfmake;
  });
  return printer;
}

const mm = (n: number) => (n * 72) / 25.4;

const LABELS: Record<Locale, { date: string; reference: string; subject: string; returnTo: string }> = {
  nl: { date: 'Datum', reference: 'Kenmerk', subject: 'Onderwerp', returnTo: 'Retouradres' },
  en: { date: 'Date', reference: 'Reference', subject: 'Subject', returnTo: 'Return address' },
};
const page = (l: Locale, n: number, of: number) =>
  l === 'en' ? `Page ${n} of ${of}` : `Pagina ${n} van ${of}`;

/** "8 april 2026" / "8 April 2026", in the organisation's time zone. */
function letterDate(instant: Date, l: Locale) {
  return new Intl.DateTimeFormat(l === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: 'Europe/Amsterdam',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(instant);
}

export interface PrintableLetter {
  recipientName: string | null;
  language: Locale;
  subject: string;
  body: string;
  createdAt: Date;
  letter: LetterContent;
}

/** The pdfmake document of a letter: what is printed where. */
export function letterDocument(l: PrintableLetter): TDocumentDefinitions {
  const labels = LABELS[l.language];
  const { sender } = l.letter;
  const returnAddress: Content[] = sender.address.length
    ? [
        {
          text: `${labels.returnTo}: ${[sender.name, ...sender.address].join(', ')}`,
          fontSize: 7,
          margin: [0, 0, 0, 4],
        },
      ]
    : [];
  const paragraphs: Content[] = l.body
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p): Content => ({ text: p, margin: [0, 0, 0, 9] }));
  return {
    pageSize: 'A4',
    pageMargins: [mm(22), mm(20), mm(20), mm(22)],
    language: l.language === 'en' ? 'en-GB' : 'nl-NL',
    info: { title: l.subject, subject: l.letter.reference, author: sender.name, creator: 'Voordeur' },
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.25 },
    footer: (current, count) => ({
      text: page(l.language, current, count),
      alignment: 'right',
      fontSize: 8,
      margin: [mm(22), 0, mm(20), 0],
    }),
    content: [
      // The letterhead, top of the first page.
      {
        absolutePosition: { x: mm(22), y: mm(14) },
        columns: [
          { width: '*', text: sender.name, bold: true, fontSize: 15 },
          {
            width: mm(70),
            stack: [...sender.address, ...sender.contact].map((line) => ({ text: line })),
            fontSize: 8.5,
            alignment: 'right',
          },
        ],
      },
      // The address block, in the envelope's window.
      {
        absolutePosition: { x: mm(22), y: mm(48) },
        stack: [
          ...returnAddress,
          ...(l.recipientName ? [{ text: l.recipientName }] : []),
          ...l.letter.address.map((line) => ({ text: line })),
        ],
      },
      {
        margin: [0, mm(95) - mm(20), 0, mm(8)],
        table: {
          widths: [mm(28), '*'],
          body: [
            [{ text: labels.date, bold: true }, letterDate(l.createdAt, l.language)],
            [{ text: labels.reference, bold: true }, l.letter.reference],
            [{ text: labels.subject, bold: true }, l.subject],
          ],
        },
        layout: 'noBorders',
      },
      ...paragraphs,
    ],
  };
}

/** The letter as PDF bytes. */
export async function renderLetter(l: PrintableLetter): Promise<Buffer> {
  return (await loadPdfmake()).createPdf(letterDocument(l)).getBuffer();
}
