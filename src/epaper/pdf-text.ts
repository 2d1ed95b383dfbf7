/**
 * The text layer of a printed page's PDF, for locating its articles (src/lib/epaper/locate.ts): each run of text
 * pdfjs finds, with where it is printed, in PDF points from the page's top-left corner. pdfjs-dist (Mozilla's
 * PDF.js, Apache-2.0) reads the PDFs newsroom typesetters export, with their CJK fonts and CMaps; its legacy
 * build is the one that runs in Node. Loaded when first used, so importing this module loads nothing.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PageText, PageTextItem } from '../lib/epaper/locate.ts';
import { notPdfReason } from '../lib/epaper/pdf-bytes.ts';

/** How far above the baseline a run's glyphs reach, as a share of its size, when the font does not say: CJK fonts' ideographic em box. */
const DEFAULT_ASCENT = 0.88;

/** Where pdfjs-dist's CMaps and standard fonts are: Node reads them as files, so paths with a trailing separator. */
function pdfjsDataPaths(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/' };
}

/**
 * The positioned text of page `pageNumber` (from 1) of the PDF in `bytes`, with the page's size in points and
 * the document's page count. Throws a Chinese message when the bytes are not a PDF, the PDF cannot be read, or
 * there is no such page.
 */
export async function readPdfPageText(bytes: Uint8Array, pageNumber = 1): Promise<PageText & { pageCount: number }> {
  const notPdf = notPdfReason(bytes);
  if (notPdf) throw new Error(notPdf);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    // pdfjs takes the buffer over (it is detached); the caller's bytes stay theirs.
    data: bytes.slice(),
    ...pdfjsDataPaths(),
    cMapPacked: true,
    // Text only: no system font is needed to read it (pdfjs 6 no longer compiles fonts with eval either).
    useSystemFonts: false,
    // Errors only: pdfjs prints its warnings with console.log, on the build's standard output.
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    let document;
    try {
      document = await task.promise;
    } catch (error) {
      throw new Error(`无法读取这个 PDF：${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > document.numPages) {
      throw new Error(`PDF 只有 ${document.numPages} 页，没有第 ${pageNumber} 页`);
    }
    const page = await document.getPage(pageNumber);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items: PageTextItem[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const style = content.styles[item.fontName];
      const ascent = style?.ascent && style.ascent > 0 ? style.ascent : DEFAULT_ASCENT;
      items.push(placeRun(item.str, item.transform, item.width, item.height, ascent, viewport.transform, pdfjs.Util.transform));
    }
    return { width: viewport.width, height: viewport.height, items, pageCount: document.numPages };
  } finally {
    await task.destroy();
  }
}

type Matrix = number[];

/**
 * A run's box on the page, top-left origin. pdfjs gives the run's text matrix (baseline origin, in PDF's
 * bottom-left space) and its width and height in text space; the page's viewport matrix turns PDF space into
 * top-left space, taking in the crop box's offset and the page's rotation. A rotated run gets the box around it.
 */
export function placeRun(text: string, transform: Matrix, width: number, height: number, ascent: number, viewport: Matrix, multiply: (a: Matrix, b: Matrix) => Matrix): PageTextItem {
  const [a = 0, b = 0, c = 0, d = 0] = transform;
  const scaleX = Math.hypot(a, b) || 1;
  const scaleY = Math.hypot(c, d) || 1;
  const size = height || scaleY;
  // The run's corners in text space (x along the baseline, y up), each put through the run's and the viewport's matrices.
  const unit = [a / scaleX, b / scaleX, c / scaleY, d / scaleY, transform[4] ?? 0, transform[5] ?? 0];
  const matrix = multiply(viewport, unit);
  const corners = [
    [0, size * ascent],
    [width, size * ascent],
    [0, -size * (1 - ascent)],
    [width, -size * (1 - ascent)],
  ].map(([x, y]) => [matrix[0]! * x! + matrix[2]! * y! + matrix[4]!, matrix[1]! * x! + matrix[3]! * y! + matrix[5]!] as const);
  const xs = corners.map(([x]) => x);
  const ys = corners.map(([, y]) => y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { text, x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}
