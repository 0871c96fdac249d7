/**
 * The small Markdown subset of catalogue texts: paragraphs (blank lines between them), "- " lists, **bold** and
 * [text](https://…). Parsed here into plain tokens that the web app and the server-rendered pages each turn into
 * their own elements (React escapes every text): never HTML, whatever else the text holds is shown as typed.
 */

/** A piece of a line: text, bold text, or a link (without `href` when the address is not a web address). */
export type MarkdownInline = string | { bold: MarkdownInline[] } | { link: string; href: string | undefined };

export type MarkdownBlock =
  | { kind: 'paragraph'; inline: MarkdownInline[] }
  | { kind: 'list'; items: MarkdownInline[][] };

const LIST_ITEM = /^\s*[-*]\s+/;
const INLINE = /\*\*(.+?)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Only web addresses may become links: no `javascript:`, `data:` or relative tricks. */
export const safeHref = (url: string): string | undefined =>
  /^https?:\/\/[^\s]+$/i.test(url) ? url : undefined;

/** Bold text and links inside a line; everything else stays text. */
export function markdownInline(text: string): MarkdownInline[] {
  const out: MarkdownInline[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const [whole, bold, label, url] = match;
    if (match.index > last) out.push(text.slice(last, match.index));
    if (bold !== undefined) out.push({ bold: markdownInline(bold) });
    else if (label !== undefined && url !== undefined) out.push({ link: label, href: safeHref(url) });
    last = match.index + whole.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Split the text into paragraphs and lists (lines starting with "- "), each as inline pieces. */
export function markdownBlocks(source: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let paragraph: string[] = [];
  let list: string[] | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', inline: markdownInline(paragraph.join(' ')) });
    if (list) blocks.push({ kind: 'list', items: list.map(markdownInline) });
    paragraph = [];
    list = null;
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) flush();
    else if (LIST_ITEM.test(raw)) {
      if (paragraph.length) flush();
      list ??= [];
      list.push(line.replace(LIST_ITEM, ''));
    } else if (list) {
      // A line that follows a list item without a blank line continues that item.
      list[list.length - 1] += ` ${line}`;
    } else paragraph.push(line);
  }
  flush();
  return blocks;
}
