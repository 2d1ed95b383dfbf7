/**
 * A printed page's text layer as lines of comparable characters: the runs a PDF places (src/epaper/pdf-text.ts
 * reads them) are joined into the lines the eye reads, and each character is normalised so that the page's text
 * and an article's Markdown compare equal however each was typed (full-width digits, Kangxi radicals that
 * Chromium and some typesetters print instead of the ideographs, punctuation and spaces that differ:
 * comparable.ts).
 */
import { comparableText } from './comparable.ts';

/** A rectangle on the page in PDF points, origin at the page's top-left, y downwards. */
export interface PageRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A run of text as the PDF's text layer places it (one pdfjs text item), in page coordinates (top-left origin). */
export interface PageTextItem extends PageRect {
  text: string;
}

export interface PageText {
  width: number;
  height: number;
  items: PageTextItem[];
}

/** One comparable character of a line and where it is printed across. */
export interface Glyph {
  char: string;
  x0: number;
  x1: number;
}

/** Runs printed on one baseline, next to one another: a line of a column, a headline, a caption. */
export interface TextLine {
  /** The comparable characters, in reading order (left to right). */
  text: string;
  glyphs: Glyph[];
  top: number;
  bottom: number;
  /** The font size as printed (the run's height). */
  size: number;
}

/** How wide a character is printed, relative to an ideograph: a run's width is shared out by these. */
function advance(char: string): number {
  const code = char.codePointAt(0)!;
  if (/\s/.test(char)) return 0.3;
  return code >= 0x2e80 ? 1 : 0.55;
}

/** The comparable characters of a run, each with the part of the run's width it is printed in. */
function glyphsOf(item: PageTextItem): Glyph[] {
  const chars = [...item.text];
  const total = chars.reduce((sum, char) => sum + advance(char), 0);
  if (total === 0) return [];
  const glyphs: Glyph[] = [];
  let x = item.x;
  for (const char of chars) {
    const width = (item.width * advance(char)) / total;
    for (const comparable of comparableText(char)) glyphs.push({ char: comparable, x0: x, x1: x + width });
    x += width;
  }
  return glyphs;
}

/** Within this share of the font size, two runs are on one baseline; nearer than this across, they are one line. */
const SAME_BASELINE = 0.3;
const JOINING_GAP = 0.75;
/** Runs whose sizes differ more than this are different kinds of text (a headline beside a column). */
const SAME_SIZE = 1.35;

/**
 * The page's runs joined into lines. A text layer splits a printed line wherever the font changes (a digit, a
 * fallback glyph), and lists runs in whatever order the typesetter wrote them; runs on one baseline, of one size,
 * with at most about an ideograph's width between them, are one line. The gap between columns is wider, so the
 * lines of two columns side by side stay apart.
 */
export function pageLines(items: readonly PageTextItem[]): TextLine[] {
  // Runs of punctuation alone (a quote in a font of its own) are kept: they have no comparable characters, but
  // they fill the space that would otherwise split their line in two.
  const runs = items.filter((item) => item.height > 0 && item.width > 0 && item.text.trim() !== '').sort((a, b) => a.x - b.x || a.y - b.y);
  const open: { line: TextLine; right: number; baseline: number }[] = [];
  for (const run of runs) {
    const baseline = run.y + run.height;
    const joined = open.find(({ line, right, baseline: lineBaseline }) => {
      const size = Math.min(line.size, run.height);
      return (
        Math.abs(lineBaseline - baseline) <= SAME_BASELINE * size &&
        Math.max(line.size, run.height) / size <= SAME_SIZE &&
        run.x - right <= JOINING_GAP * size &&
        run.x - right >= -JOINING_GAP * size
      );
    });
    const glyphs = glyphsOf(run);
    if (joined) {
      joined.line.glyphs.push(...glyphs);
      joined.line.text += glyphs.map((glyph) => glyph.char).join('');
      joined.line.top = Math.min(joined.line.top, run.y);
      joined.line.bottom = Math.max(joined.line.bottom, run.y + run.height);
      joined.line.size = Math.max(joined.line.size, run.height);
      joined.right = Math.max(joined.right, run.x + run.width);
    } else {
      open.push({ line: { text: glyphs.map((glyph) => glyph.char).join(''), glyphs, top: run.y, bottom: run.y + run.height, size: run.height }, right: run.x + run.width, baseline });
    }
  }
  return open
    .map(({ line }) => line)
    .filter((line) => line.glyphs.length > 0)
    .sort((a, b) => a.top - b.top || a.glyphs[0]!.x0 - b.glyphs[0]!.x0);
}
