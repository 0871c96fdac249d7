import { describe, expect, it } from 'vitest';
import { markdownBlocks, markdownInline } from './markdown.ts';

describe('markdown of catalogue texts', () => {
  it('splits paragraphs and lists, continuing a list item on the next line', () => {
    expect(markdownBlocks('Eerste regel\ntweede regel\n\n- een\n  verder\n* twee\nna de lijst')).toEqual([
      { kind: 'paragraph', inline: ['Eerste regel tweede regel'] },
      { kind: 'list', items: [['een verder'], ['twee na de lijst']] },
    ]);
  });

  it('makes links of web addresses only, and keeps everything else as typed text', () => {
    expect(
      markdownInline('Zie **[de site](https://example.nl/a)** of [dit](javascript:alert(1)) <b>x</b>'),
    ).toEqual([
      'Zie ',
      { bold: [{ link: 'de site', href: 'https://example.nl/a' }] },
      ' of ',
      { link: 'dit', href: undefined },
      ') <b>x</b>',
    ]);
  });
});
