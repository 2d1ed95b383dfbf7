/**
 * From where an article's lines are printed to its regions (热区) on the page: the lines are grouped into
 * pieces (a column, a headline), pieces are joined into blocks as long as a block covers no other article's
 * text and is mostly the article's own, and what two articles' blocks still share is given to the article that
 * prints more in it. An article set in three columns is one block; a part continued elsewhere (下转) is another.
 */
import type { PageRect } from './page-lines.ts';

/** Where a stretch of an article's text is printed: edges in PDF points (top-left origin), and its font size. */
export interface TextBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  size: number;
}

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const area = (r: Rect) => Math.max(0, r.x1 - r.x0) * Math.max(0, r.y1 - r.y0);
const intersection = (a: Rect, b: Rect): Rect => ({ x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) });
const overlapArea = (a: Rect, b: Rect) => (a.x1 > b.x0 && b.x1 > a.x0 && a.y1 > b.y0 && b.y1 > a.y0 ? area(intersection(a, b)) : 0);
const bounds = (rects: readonly Rect[]): Rect => ({
  x0: Math.min(...rects.map((r) => r.x0)),
  y0: Math.min(...rects.map((r) => r.y0)),
  x1: Math.max(...rects.map((r) => r.x1)),
  y1: Math.max(...rects.map((r) => r.y1)),
});

/** Lines this far apart (in font sizes) still belong to one column: line spacing and a paragraph's gap. */
const COLUMN_LEADING = 1.5;
/** Two stretches on one line with at most this gap (in font sizes) are one piece. */
const LINE_GAP = 1;
/** A block may be this much empty or someone else's (a byline, a column gap), and no more. */
const MIN_BLOCK_FILL = 0.6;
/** Regions of two articles may share this much of the smaller, as the build's check allows (5%) with room. */
const ALLOWED_SHARE = 0.01;

/**
 * Pieces of one article: stretches of similar size that sit one under the other in a column (overlapping
 * across, a line's spacing apart) or side by side on a line. A headline and a column are different pieces; so
 * are two columns, whose gap is wider than a line's spacing allows across.
 */
export function groupPieces(boxes: readonly TextBox[]): Rect[] {
  const parent = boxes.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const size = Math.max(a.size, b.size);
      if (size / Math.min(a.size, b.size) > 1.35) continue;
      const across = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const down = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      const narrower = Math.min(a.x1 - a.x0, b.x1 - b.x0);
      const stacked = across >= 0.3 * narrower && -down <= COLUMN_LEADING * size;
      const sideBySide = down >= 0.5 * Math.min(a.y1 - a.y0, b.y1 - b.y0) && -across <= LINE_GAP * size;
      if (stacked || sideBySide) parent[root(i)] = root(j);
    }
  }
  const groups = new Map<number, TextBox[]>();
  for (let i = 0; i < boxes.length; i++) groups.set(root(i), [...(groups.get(root(i)) ?? []), boxes[i]!]);
  return [...groups.values()].map(bounds);
}

/** How much of `block` this article's pieces fill (pieces of one article barely overlap, so their areas add up). */
function fill(block: Rect, own: readonly Rect[]): number {
  const filled = own.reduce((sum, piece) => sum + overlapArea(piece, block), 0);
  return filled / Math.max(area(block), 1e-9);
}

/** Whether `block` covers some of another article's printed text. */
const coversForeign = (block: Rect, foreign: readonly Rect[]) => foreign.some((box) => overlapArea(box, block) > 0.2 * area(box));

/**
 * An article's pieces joined into blocks, nearest first: two blocks join when the rectangle around both
 * covers none of the other articles' text and is filled by this article's pieces (a headline over its columns,
 * the columns side by side); a part continued far away stays a block of its own.
 */
export function joinBlocks(pieces: readonly Rect[], foreign: readonly Rect[]): Rect[] {
  const blocks = [...pieces];
  for (;;) {
    let best: { i: number; j: number; joined: Rect; growth: number } | undefined;
    for (let i = 0; i < blocks.length; i++) {
      for (let j = i + 1; j < blocks.length; j++) {
        const joined = bounds([blocks[i]!, blocks[j]!]);
        const growth = area(joined) - area(blocks[i]!) - area(blocks[j]!);
        if (best && growth >= best.growth) continue;
        if (coversForeign(joined, foreign) || fill(joined, pieces) < MIN_BLOCK_FILL) continue;
        best = { i, j, joined, growth };
      }
    }
    if (!best) return blocks;
    // The joined block may take in further pieces it now covers.
    const joined = best.joined;
    const rest = blocks.filter((block, k) => k !== best.i && k !== best.j && overlapArea(block, joined) < area(block));
    const inside = blocks.filter((block, k) => k !== best.i && k !== best.j && overlapArea(block, joined) >= area(block));
    blocks.splice(0, blocks.length, bounds([joined, ...inside]), ...rest);
  }
}

/** The largest part of `rect` outside `cut` that is a rectangle: left, right, above or below it, by what it keeps of `own`. */
function trimmed(rect: Rect, cut: Rect, own: readonly TextBox[]): Rect | undefined {
  const options: Rect[] = [
    { ...rect, x1: cut.x0 },
    { ...rect, x0: cut.x1 },
    { ...rect, y1: cut.y0 },
    { ...rect, y0: cut.y1 },
  ].filter((option) => area(option) > 0 && option.x1 > option.x0 && option.y1 > option.y0);
  const kept = (option: Rect) => own.reduce((sum, box) => sum + overlapArea(box, option), 0);
  return options.sort((a, b) => kept(b) - kept(a) || area(b) - area(a))[0];
}

/**
 * The regions of every article on a page, from where its text is printed. Blocks of different articles that
 * still overlap (a stretch matched to the wrong article, blocks set close) are trimmed: the article that prints
 * less of its own text in the shared part gives it up, keeping the largest rectangle of its block outside it.
 */
export function articleRegions<K>(printed: ReadonlyMap<K, readonly TextBox[]>): Map<K, PageRect[]> {
  const blocks = new Map<K, Rect[]>();
  for (const [key, boxes] of printed) {
    const foreign = [...printed].filter(([other]) => other !== key).flatMap(([, others]) => others);
    blocks.set(key, joinBlocks(groupPieces(boxes), foreign));
  }
  const own = (key: K, rect: Rect) => (printed.get(key) ?? []).reduce((sum, box) => sum + overlapArea(box, rect), 0);
  // Each trim removes a shared part for good; the bound only guards against a loop on degenerate input.
  for (let round = 0; round < 100; round++) {
    const clash = findClash(blocks);
    if (!clash) break;
    const { a, b, i, j } = clash;
    const shared = intersection(blocks.get(a)![i]!, blocks.get(b)![j]!);
    const [loser, index] = own(a, shared) < own(b, shared) ? [a, i] : [b, j];
    const list = blocks.get(loser)!;
    const rest = trimmed(list[index]!, shared, printed.get(loser) ?? []);
    if (rest) list[index] = rest;
    else list.splice(index, 1);
  }
  const regions = new Map<K, PageRect[]>();
  for (const [key, rects] of blocks) {
    regions.set(
      key,
      rects
        .filter((rect) => area(rect) > 0)
        .sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)
        .map((rect) => ({ x: rect.x0, y: rect.y0, width: rect.x1 - rect.x0, height: rect.y1 - rect.y0 })),
    );
  }
  return regions;
}

function findClash<K>(blocks: ReadonlyMap<K, Rect[]>): { a: K; b: K; i: number; j: number } | undefined {
  const keys = [...blocks.keys()];
  for (let p = 0; p < keys.length; p++) {
    for (let q = p + 1; q < keys.length; q++) {
      const a = keys[p]!;
      const b = keys[q]!;
      const [first, second] = [blocks.get(a)!, blocks.get(b)!];
      for (let i = 0; i < first.length; i++) {
        for (let j = 0; j < second.length; j++) {
          const shared = overlapArea(first[i]!, second[j]!);
          if (shared > ALLOWED_SHARE * Math.min(area(first[i]!), area(second[j]!))) return { a, b, i, j };
        }
      }
    }
  }
  return undefined;
}
