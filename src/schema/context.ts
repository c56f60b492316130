/**
 * What a schema factory receives from its caller.
 *
 * Astro passes its `image()` helper, which resolves and optimises images at
 * build; the validator and the scripts pass a plain path check instead, so one
 * schema serves both.
 */
import { z } from 'astro/zod';
import { field, line } from './fields.ts';

export interface SchemaContext<I extends z.ZodType = z.ZodType> {
  /** Builds the schema of one image path (relative to the entry, or under /uploads/). */
  image: () => I;
}

/** The context outside Astro: an image is a path that the validator checks on disk. */
export const plainContext: SchemaContext<z.ZodString> = {
  image: () => z.string().regex(/^(\.{0,2}\/)?[^\s]+\.(jpe?g|png|webp|avif|gif)$/i),
};

/** An image with its required alternative text. */
export function picture<I extends z.ZodType>(ctx: SchemaContext<I>, label: string, hint?: string) {
  return field(
    z.strictObject({
      src: field(ctx.image(), { label: 'Файл изображения', hint: 'JPEG, PNG или WebP до 10 МБ', widget: 'image' }),
      alt: line({ label: 'Описание изображения', hint: 'Что изображено — для незрячих читателей и поисковиков' }),
    }),
    { label, ...(hint ? { hint } : {}), widget: 'object' },
  );
}
