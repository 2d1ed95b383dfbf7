/**
 * Toneless pinyin readings of Chinese characters, from pinyin-pro, for the same-pinyin suggestions
 * (lib/search/same-pinyin.ts). Used at build time only: the search page gets the readings as a table the indexer
 * writes, a third of pinyin-pro's size (pinyin-pro also carries the word dictionary that picks one reading
 * in context, which a toneless match over every reading does not need).
 */
import { pinyin } from 'pinyin-pro';

const cache = new Map<string, string[]>();

/** Every toneless reading of a Han character (ü written v, as input methods type it), most common first. */
export function tonelessReadings(char: string): string[] {
  let readings = cache.get(char);
  if (!readings) {
    readings = /^\p{Script=Han}$/u.test(char)
      ? [...new Set(pinyin(char, { multiple: true, type: 'array', toneType: 'none', v: true }))].filter((reading) => /^[a-z]+$/.test(reading))
      : [];
    cache.set(char, readings);
  }
  return readings;
}

/** The characters a reader's query may hold: CJK Unified Ideographs (U+4E00–U+9FFF), 20,000 and more. */
export function* commonHanCharacters(): Generator<string> {
  for (let code = 0x4e00; code <= 0x9fff; code++) yield String.fromCharCode(code);
}
