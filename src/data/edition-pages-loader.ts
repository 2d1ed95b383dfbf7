/**
 * The printed pages' loader (数字报 版面): each page file of editions/ (lib/epaper/page-file.ts) through the
 * archive's one source (readEditionPages), with its PDF's pictures (src/epaper/page-images.ts). A PDF is read only
 * when its size or modification time changed since the last build, and rasterised only when its bytes have no
 * pictures in the cache: a publish of one new edition rasterises that edition's pages alone.
 *
 * The files a page shows (its pictures, its PDF) are listed for src/integrations/epaper-files.ts, which puts them
 * into the site under content-addressed names. Whether each page's articles are articles printed there is
 * checked with the articles (src/data/archive.ts).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { readEditionPages, type SourcePage } from '../lib/archive/source.ts';
import { formatProblem, type ArticleProblem } from '../lib/article/file.ts';
import { byPlace } from '../lib/order.ts';
import { CACHE_SUBDIR, cachedPageImages, pageImages, PagePdfError, type PageImage } from '../epaper/page-images.ts';

/** What a page of the e-paper has in the content layer. */
export interface EditionPageData {
  date: string;
  page: string;
  width: number;
  height: number;
  articles: SourcePage['articles'];
  unlocated: SourcePage['unlocated'];
  /** The page file as messages show it, and the line of each article's id. */
  shown: string;
  idLines: number[];
  /** The PDF's name in the site (content-addressed) and its size in bytes. */
  pdf: { name: string; bytes: number };
  images: Omit<PageImage, 'file'>[];
}

/** The list of files for the site, in the cache directory (src/integrations/epaper-files.ts reads it). */
export const EPAPER_FILES = 'epaper-files.json';
/** The folder of the site the files go in. */
export const EPAPER_DIR = '_epaper';

export interface EpaperFile {
  name: string;
  from: string;
}

const DIGESTS = 'pdf-digests';
/** The cache's copies of the pages' PDFs, by digest. */
const PDF_COPIES = 'page-pdfs';

export function editionPagesLoader({ editionsDir }: { editionsDir: string }): Loader {
  return {
    name: 'news-edition-pages',
    load: async (context) => {
      await syncPages(context, editionsDir);
    },
  };
}

async function syncPages(context: LoaderContext, dir: string): Promise<void> {
  const { store, meta, config, logger } = context;
  const cacheDir = fileURLToPath(config.cacheDir);
  const root = fileURLToPath(config.root);
  const known = new Map<string, { size: number; modified: number; digest: string }>(Object.entries(JSON.parse(meta.get(DIGESTS) ?? '{}')));
  const { pages, problems } = readEditionPages(dir, {
    knownDigest: (path, size, modified) => {
      const entry = known.get(path);
      return entry && entry.size === size && entry.modified === modified ? entry.digest : undefined;
    },
  });
  const allProblems: ArticleProblem[] = [...problems];
  const files: EpaperFile[] = [];
  const digests: Record<string, { size: number; modified: number; digest: string }> = {};
  // Pictures: from the cache by the PDF's digest, or rendered — one page per core at a time (pdfjs draws on
  // the main thread, sharp encodes on its own threads, so two at once keep two cores busy).
  const sets = new Array<PageImage[] | PagePdfError | undefined>(pages.length);
  let rendered = 0;
  let next = 0;
  const renderNext = async () => {
    while (next < pages.length) {
      const index = next++;
      const page = pages[index]!;
      try {
        const cached = await cachedPageImages(page.pdfDigest, { cacheDir });
        if (cached) sets[index] = cached.images;
        else {
          sets[index] = (await pageImages(new Uint8Array(readFileSync(page.pdfPath)), { cacheDir, source: page.shown })).images;
          rendered += 1;
        }
      } catch (error) {
        if (!(error instanceof PagePdfError)) throw error;
        sets[index] = error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), pages.length) }, renderNext));
  pages.forEach((page, index) => {
    const images = sets[index]!;
    if (images instanceof PagePdfError) {
      allProblems.push({ file: page.shown, line: 1, column: 1, field: 'pdf', message: images.message });
      return;
    }
    digests[page.pdfPath] = { size: page.pdfSize, modified: page.pdfModified, digest: page.pdfDigest };
    const pdfName = `${page.pdfDigest.slice(0, 16)}.pdf`;
    files.push({ name: pdfName, from: keptPdf(cacheDir, page) }, ...images.map((image) => ({ name: image.name, from: image.file })));
    const data: EditionPageData = {
      date: page.date,
      page: page.page,
      width: page.width,
      height: page.height,
      articles: page.articles,
      unlocated: page.unlocated,
      shown: page.shown,
      idLines: page.idLines,
      pdf: { name: pdfName, bytes: page.pdfSize },
      images: images.map(({ file: _file, ...image }) => image),
    };
    store.set({ id: `${page.date}/${page.page}`, data: data as unknown as Record<string, unknown>, filePath: relative(root, page.path).split(sep).join('/') });
  });
  if (allProblems.length) throw new Error(`版面文件有误，构建已停止：\n${allProblems.sort(byPlace).map(formatProblem).join('\n')}`);
  const ids = new Set(pages.map((page) => `${page.date}/${page.page}`));
  for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
  meta.set(DIGESTS, JSON.stringify(digests));
  // Not when there are no pages at all (an editions directory missing or not mounted): a decade of pictures
  // would be rendered again for nothing.
  if (pages.length) pruneUnusedPages(cacheDir, new Set(pages.map((page) => page.pdfDigest)));
  await mkdir(cacheDir, { recursive: true });
  const list = join(cacheDir, EPAPER_FILES);
  await writeFile(`${list}.partial`, JSON.stringify(files));
  await rename(`${list}.partial`, list);
  if (pages.length) logger.info(`${pages.length} 个版面，新绘制 ${rendered} 个版面图`);
}

/**
 * The cache's own copy of a page's PDF, by its digest: made once, when the PDF is new, so that the site links
 * to a file nothing changes in place (an editor may overwrite the PDF in content/ with another).
 */
function keptPdf(cacheDir: string, page: SourcePage): string {
  const kept = join(cacheDir, PDF_COPIES, page.pdfDigest.slice(0, 2), `${page.pdfDigest}.pdf`);
  if (existsSync(kept)) return kept;
  mkdirSync(dirname(kept), { recursive: true });
  const partial = `${kept}.${process.pid}.partial`;
  copyFileSync(page.pdfPath, partial);
  // The bytes copied are the ones the digest was taken of, unless the file changed in between: then the next build copies again.
  if (createHash('sha256').update(readFileSync(partial)).digest('hex') !== page.pdfDigest) {
    rmSync(partial);
    throw new Error(`${page.shown}：版面 PDF 在构建时被改动了，请重新构建`);
  }
  renameSync(partial, kept);
  return kept;
}

/** Pictures and PDF copies of PDFs no page uses any more (replaced, withdrawn): the cache keeps what the archive has. */
function pruneUnusedPages(cacheDir: string, used: ReadonlySet<string>): void {
  for (const [dir, digestOf] of [
    [join(cacheDir, CACHE_SUBDIR), (name: string) => name],
    [join(cacheDir, PDF_COPIES), (name: string) => name.replace(/\.pdf$/u, '')],
  ] as const) {
    if (!existsSync(dir)) continue;
    for (const shard of readdirSync(dir)) {
      for (const name of readdirSync(join(dir, shard))) {
        if (!used.has(digestOf(name))) rmSync(join(dir, shard, name), { recursive: true, force: true });
      }
    }
  }
}
