import { z } from 'zod';

/**
 * A print-ready HTML document (no scripts), shown in a preview and printed or turned into PDF.
 * In its own module so each domain's document methods (register, letters, …) can use it and be
 * spread into `documentMethods` without an import cycle through methods/documents.
 */
export const printableSchema = z.object({
  title: z.string(),
  html: z.string(),
  paper: z.object({ widthMm: z.number(), heightMm: z.number() }),
});
export type Printable = z.infer<typeof printableSchema>;
