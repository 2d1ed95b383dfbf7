/**
 * The archive's lexicon as the search page reads it (lib/search/lexicon-files.ts): a shard is fetched the
 * first time a query needs it, and what it says is looked up for the query's words, pinyin and readings.
 */
import { compareCodePoints } from '../../order.ts';
import { pinyinShardKey, readingShardOf, shardOf, type LexiconManifest, type WordClasses } from '../lexicon-files.ts';
import type { PinyinVocabulary, Readings, ReadingTable } from '../same-pinyin.ts';

/** The Han characters of a text, as a reader's query is looked up. */
const hanRuns = (text: string): string[] => text.match(/\p{Script=Han}+/gu) ?? [];

/**
 * The lexicon as the search page reads it: each shard fetched once, when a query first needs it. `load`
 * fetches a file of the lexicon (its name, e.g. w12.json) and parses it.
 */
export class LexiconReader {
  private readonly shards = new Map<string, Promise<unknown>>();
  readonly manifest: LexiconManifest;
  private readonly load: (file: string) => Promise<unknown>;

  constructor(manifest: LexiconManifest, load: (file: string) => Promise<unknown>) {
    this.manifest = manifest;
    this.load = load;
  }

  private shard(file: string): Promise<unknown> {
    let shard = this.shards.get(file);
    if (!shard) {
      shard = this.load(file);
      // A failed load is tried again by the next query.
      shard.catch(() => this.shards.delete(file));
      this.shards.set(file, shard);
    }
    return shard;
  }

  /** The word shards a text's words can be in: one for each pair of adjacent Han characters. */
  wordFiles(text: string): string[] {
    const files = new Set<string>();
    for (const run of hanRuns(text)) {
      const chars = [...run];
      for (let i = 0; i + 1 < chars.length; i++) files.add(`w${shardOf(chars[i]! + chars[i + 1]!, this.manifest.words)}.json`);
    }
    return [...files].sort(compareCodePoints);
  }

  /** The frequency class of every archive word that starts at some position of `text` (and others of its shards). */
  async wordClasses(text: string): Promise<(word: string) => number | undefined> {
    const shards = (await Promise.all(this.wordFiles(text).map((file) => this.shard(file)))) as WordClasses[];
    return (word) => {
      for (const shard of shards) {
        const found = shard[word];
        if (found !== undefined) return found;
      }
      return undefined;
    };
  }

  /**
   * The archive's words that begin with `prefix` (two characters or more), most used first, at most `limit`:
   * from the shard of its first two characters, loaded by `wordClasses` for a text that has them.
   */
  async wordsStartingWith(prefix: string, limit: number): Promise<string[]> {
    const [file] = this.wordFiles([...prefix].slice(0, 2).join(''));
    if (!file) return [];
    const shard = (await this.shard(file)) as WordClasses;
    return Object.entries(shard)
      .filter(([word]) => word.startsWith(prefix) && word !== prefix)
      .sort(([a, classA], [b, classB]) => classB - classA || compareCodePoints(a, b))
      .slice(0, limit)
      .map(([word]) => word);
  }

  /** The readings of the characters of `text`, for same-pinyin look-ups. */
  async readings(text: string): Promise<Readings> {
    const chars = new Set([...text].filter((char) => /\p{Script=Han}/u.test(char)));
    const files = [...new Set([...chars].map((char) => `r${readingShardOf(char)}.json`))];
    const tables = (await Promise.all(files.map((file) => this.shard(file)))) as ReadingTable[];
    const byChar = new Map<string, string[]>();
    for (const table of tables) {
      for (const [syllable, tableChars] of Object.entries(table)) {
        for (const char of tableChars) {
          if (!chars.has(char)) continue;
          const list = byChar.get(char);
          if (list) list.push(syllable);
          else byChar.set(char, [syllable]);
        }
      }
    }
    return (char) => byChar.get(char) ?? [];
  }

  /** The archive's words of these pinyin keys (and the others in their shards). */
  async pinyinWords(keys: Iterable<string>): Promise<PinyinVocabulary> {
    const files = [...new Set([...keys].map((key) => `p${shardOf(pinyinShardKey(key), this.manifest.pinyin)}.json`))];
    const shards = (await Promise.all(files.map((file) => this.shard(file)))) as PinyinVocabulary[];
    return Object.assign({}, ...shards) as PinyinVocabulary;
  }
}
