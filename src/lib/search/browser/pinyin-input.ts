/**
 * Pinyin typed without an input method: a desktop reader whose input method is off types lixiaolei for 李晓雷,
 * anquanshengchan for 安全生产. Such a query is read as pinyin only when it is nothing but Latin letters (spaces
 * and apostrophes allowed, as in li xiao lei or xi'an) and splits completely into syllables; every split is
 * tried, because the letters alone do not say where a syllable ends (xian is 先 or 西安). The archive's words
 * of each reading are then looked up (lib/search/build/lexicon.ts). Runs in the browser; no pinyin-pro here.
 */

/**
 * Every toneless syllable of Mandarin as pinyin-pro reads the characters U+4E00–U+9FFF (ü written v), without
 * the interjections m, n, ng and hng, which nobody types for a word. A unit test compares the list with
 * pinyin-pro, so it cannot drift from the readings the indexer writes.
 */
export const SYLLABLES = new Set(
  (
    'a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng ' +
    'cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu ' +
    'cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo e ' +
    'ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang ' +
    'gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao ' +
    'jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun ' +
    'kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv lve ma ' +
    'mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian ' +
    'niang niao nie nin ning niu nong nou nu nuan nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ' +
    'ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru ' +
    'rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua ' +
    'shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te tei teng ti tian tiao tie ' +
    'ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu ' +
    'xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha ' +
    'zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu ' +
    'zuan zui zun zuo'
  ).split(' '),
);

/** The longest syllable (zhuang, shuang, chuang). */
const LONGEST_SYLLABLE = 6;
/** Splits kept at most: a long run of letters has many, and each costs a look-up. */
const MAX_SPLITS = 8;
/** A word of the archive has at most this many characters (lib/search/build/lexicon.ts), so as many syllables. */
export const MAX_PINYIN_SYLLABLES = 8;

/** Readers type lue and nue for lüe and nüe; the readings write ü as v. */
function typedSyllable(syllable: string): string {
  return syllable === 'lue' ? 'lve' : syllable === 'nue' ? 'nve' : syllable;
}

/** Whether the query is typed pinyin in shape: Latin letters only, with spaces or apostrophes between syllables. */
export function isPinyinShaped(query: string): boolean {
  return /^[a-z]+(?:['’ ]+[a-z]+)*$/i.test(query.trim());
}

/**
 * Every way to read `query` as toneless syllables (spaces and apostrophes are boundaries), fewest syllables
 * first, at most MAX_SPLITS; none when some letters are no syllable or the query is longer than a word.
 * xian → [xian], [xi an]; lixiaolei → [li xiao lei], [li xia o lei].
 */
export function pinyinSplits(query: string): string[][] {
  if (!isPinyinShaped(query)) return [];
  const chunks = query.trim().toLowerCase().split(/['’ ]+/);
  let splits: string[][] = [[]];
  for (const chunk of chunks) {
    const ways = splitChunk(chunk);
    splits = splits.flatMap((before) => ways.map((way) => [...before, ...way])).filter((split) => split.length <= MAX_PINYIN_SYLLABLES);
    if (splits.length === 0) return [];
  }
  return splits.sort((a, b) => a.length - b.length).slice(0, MAX_SPLITS);
}

/** Every split of one run of letters into syllables. */
function splitChunk(letters: string): string[][] {
  // ways[i]: the splits of letters[0, i).
  const ways: string[][][] = [[[]]];
  for (let end = 1; end <= letters.length; end++) {
    ways[end] = [];
    for (let start = Math.max(0, end - LONGEST_SYLLABLE); start < end; start++) {
      const syllable = typedSyllable(letters.slice(start, end));
      if (!SYLLABLES.has(syllable)) continue;
      for (const before of ways[start]!) if (before.length < MAX_PINYIN_SYLLABLES) ways[end]!.push([...before, syllable]);
    }
    // Runs of letters that split in very many ways (aaaa…) are not words anyone typed: keep the fewest-syllable ones.
    ways[end] = ways[end]!.sort((a, b) => a.length - b.length).slice(0, MAX_SPLITS * 4);
  }
  return ways[letters.length]!;
}
