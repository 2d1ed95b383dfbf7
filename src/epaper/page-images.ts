/**
 * The picture of a printed page (版) for the e-paper (数字报, issue 29): page 1 of the 版's PDF rasterised
 * once with pdfjs-dist onto an @napi-rs/canvas, then resized and encoded with sharp to AVIF and WebP at a width
 * for each kind of screen. A decade of a daily paper is ~29,000 PDFs and one costs about a second to rasterise,
 * so the set is kept in the build's cache by the PDF's SHA-256 and by the rendering's settings: an unchanged
 * PDF is never rasterised again, and a change of widths or quality renders every page again.
 *
 * Cache: <cacheDir>/page-images/<dd>/<pdf sha256>/<rendering key>/{<width>.<format>, set.json}. set.json is
 * written last, beside and then renamed: a set without it (a build stopped half-way) is rendered again.
 *
 * Why this renderer: pdfjs-dist (Apache-2.0) and @napi-rs/canvas (MIT) come from npm with prebuilt binaries
 * and work offline; sharp cannot rasterise a PDF; MuPDF is AGPL; poppler is GPL and a system package.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { notPdfReason } from '../lib/epaper/pdf-bytes.ts';

/**
 * 480: the 版 overview (a column of thumbnails; a phone's width at 1×); 960: reading on a phone at 2× or a
 * desktop column at 1×; 1600: the zoomed page, where 9–10 pt body text is 15–19 px high and legible.
 */
export const PAGE_IMAGE_WIDTHS = [480, 960, 1600] as const;
export const PAGE_IMAGE_FORMATS = ['avif', 'webp'] as const;
export type PageImageFormat = (typeof PAGE_IMAGE_FORMATS)[number];

/**
 * Chosen on an A3 page of five columns of 9.5 pt 汉字 (tests/build/epaper-page-images.test.ts), looked at
 * zoomed in: at these qualities the strokes of body text stay apart at 960 px; lower, small characters smear;
 * higher, the files grow by a fifth or more with nothing to see. AVIF keeps full colour resolution (4:4:4) for
 * red mastheads and headlines; effort 2 encodes the three widths in ~1.5 s where effort 4 takes ~8 s for a
 * tenth fewer bytes — the difference between a day and a week for a decade of pages. WebP is the fallback for
 * browsers without AVIF.
 */
const ENCODING = {
  avif: { quality: 50, effort: 2, chromaSubsampling: '4:4:4' },
  webp: { quality: 75, effort: 4 },
} as const;

/** Raise when a change of pdfjs, canvas or sharp changes what a page looks like: every page renders again. */
const RENDERER_REVISION = 1;

export const CACHE_SUBDIR = 'page-images';
const SET_FILE = 'set.json';

export interface PageImage {
  width: number;
  height: number;
  format: PageImageFormat;
  /** Absolute path of the file in the cache. */
  file: string;
  /** The name for dist: addressed by the PDF and the rendering (`<pdf16>-<rendering8>-<width>.<format>`), so a changed picture is a new URL. */
  name: string;
}

export interface PageImageSet {
  /** SHA-256 of the PDF's bytes, hex. */
  digest: string;
  /** The page's size in PDF points (1/72 inch), as displayed (its rotation applied). */
  pageWidth: number;
  pageHeight: number;
  /** Every width of PAGE_IMAGE_WIDTHS in every format of PAGE_IMAGE_FORMATS, narrowest first. */
  images: PageImage[];
}

export interface PageImagesOptions {
  /** The build's cache directory. */
  cacheDir: string;
  /** The PDF's file name, for messages. */
  source?: string;
}

/** An editor's PDF that cannot become a page's picture; the message is for editors and names the file. */
export class PagePdfError extends Error {
  readonly source: string | undefined;

  constructor(message: string, source: string | undefined, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PagePdfError';
    this.source = source;
  }
}

let pagesRendered = 0;

/** How many pages this process has rasterised: the build's log says how many were new; the tests count renders. */
export function pageRenderCount(): number {
  return pagesRendered;
}

/** A fingerprint of what decides the pictures' pixels and bytes. */
function renderingKey(): string {
  const settings = JSON.stringify({ revision: RENDERER_REVISION, widths: PAGE_IMAGE_WIDTHS, formats: PAGE_IMAGE_FORMATS, encoding: ENCODING });
  return createHash('sha256').update(settings).digest('hex').slice(0, 16);
}

/** Where the set of a PDF with this SHA-256 is kept under the current settings. */
function setLocation(digest: string, cacheDir: string) {
  const rendering = renderingKey();
  const pdfDir = join(cacheDir, CACHE_SUBDIR, digest.slice(0, 2), digest);
  return { rendering, pdfDir, setDir: join(pdfDir, rendering) };
}

/**
 * The pictures of the PDF with this SHA-256 when the cache has the complete set under the current settings, or
 * undefined: a build that knows a PDF's digest (its size and time unchanged) need not read the PDF at all.
 */
export async function cachedPageImages(digest: string, options: Pick<PageImagesOptions, 'cacheDir'>): Promise<PageImageSet | undefined> {
  return readCachedSet(setLocation(digest, options.cacheDir).setDir, digest);
}

/**
 * The pictures of page 1 of `pdf`, rendered when this PDF's bytes have no complete set in the cache under the
 * current settings. Throws PagePdfError when the file is not a one-page PDF.
 */
export async function pageImages(pdf: Uint8Array, options: PageImagesOptions): Promise<PageImageSet & { rendered: boolean }> {
  const digest = createHash('sha256').update(pdf).digest('hex');
  const { rendering, pdfDir, setDir } = setLocation(digest, options.cacheDir);
  const cached = await readCachedSet(setDir, digest);
  if (cached) return { ...cached, rendered: false };

  checkIsPdf(pdf, options.source);
  const page = await rasterise(pdf, options.source);
  await mkdir(setDir, { recursive: true });
  const images = await Promise.all(
    PAGE_IMAGE_WIDTHS.flatMap((width) => {
      const height = Math.round((width * page.height) / page.width);
      const resized = width === page.width ? Promise.resolve(page.pixels) : sharp(page.pixels, { raw: page.raw }).resize(width, height).raw().toBuffer();
      return PAGE_IMAGE_FORMATS.map(async (format): Promise<PageImage> => {
        const file = join(setDir, `${width}.${format}`);
        const encoder = sharp(await resized, { raw: { width, height, channels: 3 } });
        // Beside, then renamed: another build reading this set never sees half a file.
        const partial = `${file}.${process.pid}.partial`;
        await (format === 'avif' ? encoder.avif(ENCODING.avif) : encoder.webp(ENCODING.webp)).toFile(partial);
        await rename(partial, file);
        return { width, height, format, file, name: `${digest.slice(0, 16)}-${rendering.slice(0, 8)}-${width}.${format}` };
      });
    }),
  );
  const set: PageImageSet = { digest, pageWidth: page.pageWidth, pageHeight: page.pageHeight, images };
  const partial = join(setDir, `${SET_FILE}.${process.pid}.partial`);
  await writeFile(partial, JSON.stringify({ ...set, images: images.map(({ file, ...image }) => ({ ...image, file: basename(file) })) }));
  await rename(partial, join(setDir, SET_FILE));
  await removeOtherRenderings(pdfDir, rendering);
  return { ...set, rendered: true };
}

/** The set kept in `setDir`, when its list was written and every file it names is there. */
async function readCachedSet(setDir: string, digest: string): Promise<PageImageSet | undefined> {
  let stored: PageImageSet;
  try {
    stored = JSON.parse(await readFile(join(setDir, SET_FILE), 'utf8')) as PageImageSet;
  } catch {
    return undefined; // not rendered yet, or stopped before its list was written
  }
  if (stored.digest !== digest || stored.images.length !== PAGE_IMAGE_WIDTHS.length * PAGE_IMAGE_FORMATS.length) return undefined;
  const images = stored.images.map((image) => ({ ...image, file: join(setDir, image.file) }));
  const present = await Promise.all(images.map((image) => stat(image.file).then((found) => found.size > 0, () => false)));
  return present.every(Boolean) ? { ...stored, images } : undefined;
}

/** Sets of this PDF made with earlier settings will not be read again. */
async function removeOtherRenderings(pdfDir: string, rendering: string): Promise<void> {
  for (const entry of await readdir(pdfDir)) {
    if (entry !== rendering) await rm(join(pdfDir, entry), { recursive: true, force: true });
  }
}

function checkIsPdf(pdf: Uint8Array, source: string | undefined): void {
  const reason = notPdfReason(pdf);
  if (reason) throw new PagePdfError(`${source ?? 'PDF 文件'} ${reason}`, source);
}

interface RasterisedPage {
  pageWidth: number;
  pageHeight: number;
  width: number;
  height: number;
  /** RGB, 3 bytes a pixel, on white. */
  pixels: Buffer;
  raw: { width: number; height: number; channels: 3 };
}

/** pdfjs's files for Node: Adobe's CMaps (CID fonts), the 14 standard fonts, its wasm decoders (JPX, JBIG2) and ICC profiles (CMYK). */
function pdfjsResources() {
  const root = join(dirname(fileURLToPath(import.meta.resolve('pdfjs-dist/legacy/build/pdf.mjs'))), '../..');
  // pdfjs in Node reads these with fs, appending file names to the path: a directory with its slash.
  const dir = (name: string) => `${join(root, name)}/`;
  return { cMapUrl: dir('cmaps'), cMapPacked: true, standardFontDataUrl: dir('standard_fonts'), wasmUrl: dir('wasm'), iccUrl: dir('iccs') };
}

/** Page 1 at the largest width, on white: the one expensive step. */
async function rasterise(pdf: Uint8Array, source: string | undefined): Promise<RasterisedPage> {
  const name = source ?? 'PDF 文件';
  // Imported here, not at the top: pdfjs polyfills globals (DOMMatrix, Path2D, navigator) when loaded.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const { createCanvas } = await import('@napi-rs/canvas');
  const loading = pdfjs.getDocument({
    data: new Uint8Array(pdf), // a copy, as a plain Uint8Array: pdfjs takes the buffer it is given, and refuses a Buffer
    ...pdfjsResources(),
    // No isEvalSupported: pdfjs 6 compiles no code from a PDF (the option is gone with `new Function`).
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    useSystemFonts: false, // the picture never depends on the build machine's fonts
  });
  let document;
  try {
    document = await loading.promise;
  } catch (error) {
    await loading.destroy();
    throw new PagePdfError(`${name} 无法作为 PDF 读取（${error instanceof Error ? error.message : String(error)}）：文件可能已损坏或加密，请重新导出`, source, { cause: error });
  }
  try {
    if (document.numPages !== 1) {
      throw new PagePdfError(`${name} 有 ${document.numPages} 页；每个 PDF 应只含一版（一页）：请按版拆分后再导入`, source);
    }
    const page = await document.getPage(1);
    const natural = page.getViewport({ scale: 1 });
    const width = Math.max(...PAGE_IMAGE_WIDTHS);
    const viewport = page.getViewport({ scale: width / natural.width });
    const height = Math.round(viewport.height);
    const canvas = createCanvas(width, height);
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport, background: 'rgb(255,255,255)' }).promise;
    // The canvas is RGBA; painted on white it is opaque, and flattening onto white makes sure of it.
    const pixels = await sharp(canvas.data(), { raw: { width, height, channels: 4 } }).flatten({ background: '#ffffff' }).removeAlpha().raw().toBuffer();
    pagesRendered += 1;
    return { pageWidth: natural.width, pageHeight: natural.height, width, height, pixels, raw: { width, height, channels: 3 } };
  } finally {
    await loading.destroy();
  }
}
