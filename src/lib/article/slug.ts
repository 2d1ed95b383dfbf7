/**
 * URL slugs for Chinese headlines: the pinyin of the headline's first syllables, which readers can still
 * read in a shared link (zhong-yuan-qu-zhao-kai-jia-kuai-gong), unlike percent-encoded characters.
 */
import { pinyin } from 'pinyin-pro';

const SYLLABLES = 8;

export function slugFor(title: string, taken: ReadonlySet<string> = new Set()): string {
  const syllables = pinyin(title, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .flatMap((part) => part.toLowerCase().split(/[^a-z0-9]+/))
    .filter(Boolean)
    .slice(0, SYLLABLES);
  const base = syllables.join('-') || 'article';
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}
