/**
 * What raw HTML an article body may contain: the allowlists of elements, attributes and address schemes, and
 * why everything else is refused. lib/html-safety/unsafe-html.ts finds the HTML and where it is; this module decides.
 */

// --- What an article may contain ---------------------------------------------------------------------------

/** Elements that format text and tables; nothing here loads anything, runs anything or reaches outside. */
export const ALLOWED_ELEMENTS = new Set([
  // Text
  'a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's',
  'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'ruby', 'rp', 'rt',
  // Blocks
  'p', 'div', 'blockquote', 'pre', 'hr', 'figure', 'figcaption', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  // Tables
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
]);

/** Attributes every allowed element may have. */
export const GLOBAL_ATTRIBUTES = new Set(['title', 'lang', 'dir']);

/** Further attributes, by element. `href` and `src` are addresses, checked by addressProblem. */
export const ELEMENT_ATTRIBUTES: Record<string, ReadonlySet<string>> = {
  a: new Set(['href']),
  th: new Set(['colspan', 'rowspan', 'scope', 'abbr']),
  td: new Set(['colspan', 'rowspan']),
  col: new Set(['span']),
  colgroup: new Set(['span']),
  ol: new Set(['start', 'reversed', 'type']),
  li: new Set(['value']),
  time: new Set(['datetime']),
  del: new Set(['datetime']),
  ins: new Set(['datetime']),
};

/** URL schemes a link may use; anything else (javascript:, data:, file:, …) is refused. No scheme is a site address. */
const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);
/** Schemes that run script or show content the browser makes up: the messages the build tests look for. */
const SCRIPT_SCHEMES = new Set(['javascript', 'vbscript', 'data']);

const SCRIPT = '文章里不能有脚本';
const WHOLE_PAGE = (what: string) => `这是改变整个页面的元素（${what}），文章里不能有`;
const FORM = '文章里不能有表单或按钮（它们可以冒充网站，收集读者填写的内容）';
const EMBED = '文章里不能嵌入外部页面或插件';
const MEDIA = '文章里不能直接嵌入音视频或画布；照片请放进文章所在的文件夹，在 frontmatter 的 photos: 里列出';
const FOREIGN = '它可以携带脚本、链接和外部资源，文章里不能直接嵌入；图表请导出为图片，放进文章所在的文件夹并在 frontmatter 的 photos: 里列出';
const STRUCTURE = '它属于页面结构（页头、导航、正文区域、对话框），文章正文里请只用标题、段落、列表和表格';
const RAW_TEXT = '它会把其中的内容当作纯文本，甚至吞掉其后的整个页面';

/**
 * Elements refused by class, with the reason. Their content is not looked at (it is script, CSS, SVG or
 * text, and goes with them). Any other element not in ALLOWED_ELEMENTS is refused with a general message.
 */
export const REFUSED_ELEMENTS: Record<string, string> = {
  script: SCRIPT,
  noscript: SCRIPT,
  meta: WHOLE_PAGE('例如 http-equiv="refresh" 会把每位读者转到别的网址'),
  base: WHOLE_PAGE('它会改变页面上所有链接和资源的地址'),
  link: WHOLE_PAGE('它会给页面加载样式表或其他资源'),
  style: WHOLE_PAGE('它会改变整个页面的样式'),
  title: WHOLE_PAGE('页面标题由网站生成'),
  plaintext: WHOLE_PAGE('它会把其后的整个页面变成纯文本'),
  form: FORM,
  input: FORM,
  button: FORM,
  select: FORM,
  textarea: FORM,
  option: FORM,
  optgroup: FORM,
  datalist: FORM,
  output: FORM,
  fieldset: FORM,
  legend: FORM,
  label: FORM,
  iframe: EMBED,
  frame: EMBED,
  frameset: EMBED,
  object: EMBED,
  embed: EMBED,
  applet: EMBED,
  portal: EMBED,
  fencedframe: EMBED,
  video: MEDIA,
  audio: MEDIA,
  source: MEDIA,
  track: MEDIA,
  picture: MEDIA,
  canvas: MEDIA,
  map: MEDIA,
  area: MEDIA,
  // Astro optimises only Markdown images (![说明](./photos/a.jpg)); a raw <img> is served as written, unresized,
  // and its relative path breaks on the article's own URL.
  img: '网站不会处理 HTML 写的图片（不压缩、地址在文章页面上会失效）：照片请写在 frontmatter 的 photos 里，或用 Markdown 图片 ![说明](./photos/现场.jpg)',
  svg: FOREIGN,
  math: FOREIGN,
  template: '它会在页面里生成读者和检查都看不到的内容（例如 shadowrootmode 的影子 DOM）',
  slot: '它只用于影子 DOM，文章里不能有',
  main: STRUCTURE,
  nav: STRUCTURE,
  header: STRUCTURE,
  footer: STRUCTURE,
  aside: STRUCTURE,
  article: STRUCTURE,
  section: STRUCTURE,
  search: STRUCTURE,
  dialog: STRUCTURE,
  xmp: RAW_TEXT,
  noembed: RAW_TEXT,
  noframes: RAW_TEXT,
};

export const UNCLOSED_COMMENT = '正文的 HTML 注释没有结束（缺少 -->）：其后直到文末（或这段引用、列表的末尾）的正文都不会显示';

export const OTHER_ELEMENT =
  '文章里不支持这个 HTML 元素；可用的只有文字格式（strong、em、sup、sub、ruby 等）、段落、标题、列表、引用、表格、figure 和链接';

export function attributeProblem(tag: string, attribute: string, value: unknown, allowed: boolean): string | undefined {
  const text = Array.isArray(value) ? value.join(' ') : String(value);
  if (attribute.startsWith('on')) return `正文的 HTML 标签带有事件属性（${attribute}=）：${SCRIPT}`;
  if (attribute === 'style') {
    return `正文的 <${tag}> 带有 style 属性（style="${shorten(text)}"）：网站的内容安全策略不允许行内样式，读者的浏览器不会应用它；这类属性多半是从 Word 或网页粘贴带来的，请删除，版式由网站统一设定`;
  }
  if (attribute === 'class') {
    return `正文的 <${tag}> 带有 class 属性（class="${shorten(text)}"）：它会套用网站自己的样式，或是粘贴带来的无用类名（如 MsoNormal），请删除`;
  }
  if (attribute === 'id' || attribute === 'name') {
    return `正文的 <${tag}> 带有 ${attribute} 属性（${attribute}="${shorten(text)}"）：页面的脚本和页内链接按 id 查找元素，文章里的 id 或 name 会与页面自己的元素冲突、改变页面的行为，请删除；小标题会自动获得可链接的 id`;
  }
  if (!allowed) {
    const own = [...(ELEMENT_ATTRIBUTES[tag] ?? []), ...GLOBAL_ATTRIBUTES].join('、');
    return `正文的 <${tag}> 带有不支持的属性（${attribute}=）：文章里的 <${tag}> 只能有 ${own}`;
  }
  if (tag === 'a' && attribute === 'href') return prefix('正文的链接', addressProblem(text, 'link'));
  return undefined;
}

function prefix(what: string, problem: string | undefined): string | undefined {
  return problem === undefined ? undefined : `${what}${problem}`;
}

/**
 * What is wrong with an address, to follow “正文的链接” or “Markdown 图片”; undefined if nothing. The value is
 * decoded already (entities in HTML, escapes and entities in Markdown); tabs and newlines, which browsers drop
 * from URLs (`java&#x09;script:`), and leading spaces and control characters are removed before reading the
 * scheme.
 */
export function addressProblem(url: string, kind: 'link' | 'image'): string | undefined {
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned)?.[1]?.toLowerCase();
  if (scheme !== undefined && SCRIPT_SCHEMES.has(scheme)) {
    return `使用了 javascript:/data: 地址（${scheme}:）：这种地址会运行脚本或显示浏览器临时生成的内容，文章里不能有`;
  }
  if (kind === 'image') {
    // `//host/x.jpg`, and `/\host`, `\\host`, which browsers read the same way.
    if (scheme !== undefined || /^[/\\]{2}/.test(cleaned)) {
      return `来自外部网站（${shorten(cleaned)}）：网站的内容安全策略只允许显示本站的图片，读者看不到它；请把照片放进文章所在的文件夹，在 frontmatter 的 photos: 里列出`;
    }
    return undefined;
  }
  if (scheme !== undefined && !LINK_SCHEMES.has(scheme)) {
    return `使用了 ${scheme}: 地址（${shorten(cleaned)}）：文章里的链接只能是 http、https、mailto、tel 或本站地址`;
  }
  return undefined;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
