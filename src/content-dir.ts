/**
 * Where the articles live. CONTENT_DIR lets tests and benchmarks build another archive
 * (a temporary copy, a synthetic corpus) without touching content/.
 */
import { resolve } from 'node:path';

export const contentDir = resolve(process.env.CONTENT_DIR ?? 'content/articles');
