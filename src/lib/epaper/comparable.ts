/**
 * When a character of a page's text layer and a character of an article's file are the same: after NFKC, with
 * radicals read as the ideographs they are printed as, letters and digits only. A PDF's text layer gives each
 * glyph the code point its font's table lists first, and CJK fonts share one glyph between an ideograph and a
 * radical: Chromium, and typesetters alike, write 部⻔ (U+2ED4) for 部门, 区⻓ for 区长, 商⼾ for 商户.
 */

/**
 * CJK Radicals Supplement characters (which NFKC leaves alone) as the ideographs that share their glyph in
 * simplified-Chinese fonts, after Unicode's EquivalentUnifiedIdeograph.txt; and the three Kangxi radicals whose
 * NFKC form is the traditional code point while a simplified font prints them as the simplified one.
 */
const RADICALS: Record<string, string> = {
  '⺁': '厂', '⺅': '亻', '⺆': '冂', '⺇': '几', '⺉': '刂', '⺊': '卜', '⺌': '小', '⺍': '小', '⺎': '兀', '⺐': '尢',
  '⺒': '巳', '⺓': '幺', '⺔': '彑', '⺕': '彐', '⺖': '忄', '⺗': '心', '⺘': '扌', '⺙': '攵', '⺛': '旡', '⺝': '月',
  '⺟': '母', '⺠': '民', '⺡': '氵', '⺢': '氺', '⺣': '灬', '⺤': '爫', '⺦': '丬', '⺧': '牛', '⺨': '犭', '⺩': '王',
  '⺪': '疋', '⺫': '目', '⺬': '示', '⺭': '礻', '⺮': '竹', '⺯': '糸', '⺰': '纟', '⺲': '罒', '⺳': '网', '⺷': '羊',
  '⺹': '耂', '⺺': '肀', '⺻': '聿', '⺼': '肉', '⺽': '臼', '⺾': '艹', '⺿': '艹', '⻀': '艹', '⻁': '虎', '⻂': '衤',
  '⻃': '覀', '⻄': '西', '⻅': '见', '⻆': '角', '⻈': '讠', '⻉': '贝', '⻋': '车', '⻌': '辶', '⻍': '辶', '⻎': '辶',
  '⻏': '阝', '⻐': '钅', '⻑': '長', '⻒': '镸', '⻓': '长', '⻔': '门', '⻕': '阜', '⻖': '阝', '⻗': '雨', '⻘': '青',
  '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻟': '飠', '⻠': '饣', '⻢': '马', '⻣': '骨', '⻤': '鬼',
  '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟',
  '戶': '户', '靑': '青', '黃': '黄',
};

const COMPARABLE = /[\p{L}\p{N}]/u;

/**
 * The characters of `text` that matching compares: NFKC (full-width forms, compatibility ideographs, Kangxi
 * radicals), radicals as ideographs, lower case, letters and digits only. Punctuation and spaces are left out
 * because a text layer and an editor's file disagree on them most (half- and full-width commas, quotes, spaces
 * the typesetter added for justification).
 */
export function comparableText(text: string): string {
  let out = '';
  for (const char of text.normalize('NFKC').toLowerCase()) {
    const ideograph = RADICALS[char] ?? char;
    if (COMPARABLE.test(ideograph)) out += ideograph;
  }
  return out;
}
