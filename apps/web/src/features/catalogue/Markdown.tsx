import type { ReactNode } from 'react';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { UnorderedList, UnorderedListItem } from '../../ui/UnorderedList.tsx';

type Block = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

const LIST_ITEM = /^\s*[-*]\s+/;

/** Split the text into paragraphs (blank lines between them) and lists (lines starting with "- "). */
export function markdownBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: string[] | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    if (list) blocks.push({ kind: 'list', items: list });
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

/** Only web addresses may become links: no `javascript:`, `data:` or relative tricks. */
export const safeHref = (url: string): string | undefined =>
  /^https?:\/\/[^\s]+$/i.test(url) ? url : undefined;

const INLINE = /\*\*(.+?)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Bold text and links inside a line; everything else stays text (React escapes it). */
export function renderInline(text: string, keyPrefix = 'i'): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let n = 0;
  for (const match of text.matchAll(INLINE)) {
    const [whole, bold, label, url] = match;
    if (match.index > last) out.push(text.slice(last, match.index));
    const key = `${keyPrefix}-${n++}`;
    if (bold !== undefined) {
      out.push(<strong key={key}>{renderInline(bold, key)}</strong>);
    } else if (label !== undefined && url !== undefined) {
      const href = safeHref(url);
      out.push(
        href ? (
          <a key={key} className="utrecht-link utrecht-link--html-a" href={href}>
            {label}
          </a>
        ) : (
          label
        ),
      );
    }
    last = match.index + whole.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/**
 * The small Markdown subset of catalogue texts (paragraphs, "- " lists, **bold**, [text](https://…)) as
 * React elements. Never HTML: whatever else the text holds is shown as typed.
 */
export function Markdown({ source, lang }: { source: string; lang?: string | undefined }) {
  return (
    <div className="vd-stack vd-stack--tight vd-markdown" lang={lang}>
      {markdownBlocks(source).map((block, index) =>
        block.kind === 'paragraph' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no identity but their place.
          <Paragraph key={index}>{renderInline(block.text, `p${index}`)}</Paragraph>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above.
          <UnorderedList key={index}>
            {block.items.map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: as above.
              <UnorderedListItem key={i}>{renderInline(item, `l${index}-${i}`)}</UnorderedListItem>
            ))}
          </UnorderedList>
        ),
      )}
    </div>
  );
}
