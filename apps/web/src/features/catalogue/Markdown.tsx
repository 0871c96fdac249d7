import { type MarkdownInline, markdownBlocks } from '@voordeur/shared';
import type { ReactNode } from 'react';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { UnorderedList, UnorderedListItem } from '../../ui/UnorderedList.tsx';

/** Bold text and links inside a line as elements; text stays text (React escapes it). */
function renderInline(pieces: MarkdownInline[], keyPrefix: string): ReactNode[] {
  return pieces.map((piece, n) => {
    const key = `${keyPrefix}-${n}`;
    if (typeof piece === 'string') return piece;
    if ('bold' in piece) return <strong key={key}>{renderInline(piece.bold, key)}</strong>;
    return piece.href ? (
      <a key={key} className="utrecht-link utrecht-link--html-a" href={piece.href}>
        {piece.link}
      </a>
    ) : (
      piece.link
    );
  });
}

/**
 * The small Markdown subset of catalogue texts (paragraphs, "- " lists, **bold**, [text](https://…); parsed by
 * `markdownBlocks` of @voordeur/shared) as React elements. Never HTML: whatever else the text holds is shown as typed.
 */
export function Markdown({ source, lang }: { source: string; lang?: string | undefined }) {
  return (
    <div className="vd-stack vd-stack--tight vd-markdown" lang={lang}>
      {markdownBlocks(source).map((block, index) =>
        block.kind === 'paragraph' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no identity but their place.
          <Paragraph key={index}>{renderInline(block.inline, `p${index}`)}</Paragraph>
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
