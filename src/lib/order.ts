/** Orders that are the same on every machine, whatever its locale (the build's output must not depend on it). */

/**
 * Unicode code-point order: the same on every machine and in every locale, unlike `localeCompare` or a default
 * `Intl.Collator`. (`<` on strings compares UTF-16 code units, which puts characters beyond U+FFFF, stored as
 * surrogates D800–DFFF, before U+E000–U+FFFF; they are moved above them here.)
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

function codePointRank(unit: number): number {
  return unit < 0xd800 ? unit : unit < 0xe000 ? unit + 0x2000 : unit - 0x800;
}

/** A place in the archive: file, then line, then column; how every list of problems is ordered. */
export function byPlace(a: { file: string; line: number; column: number }, b: { file: string; line: number; column: number }): number {
  return compareCodePoints(a.file, b.file) || a.line - b.line || a.column - b.column;
}
