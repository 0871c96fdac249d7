/**
 * The kinds of catalogue item. In a module of their own, without schemas: a page that needs only the kinds (the
 * public catalogue) then loads neither zod nor the schemas (`sideEffects: false` in package.json).
 */
export const ITEM_KINDS = ['question', 'report', 'request', 'complaint', 'callback', 'appointment'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
