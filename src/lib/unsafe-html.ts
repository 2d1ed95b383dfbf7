/**
 * Raw HTML that an article must not carry: scripts, inline event handlers, javascript: URLs and embedded
 * frames. Markdown lets editors write raw HTML (tables, <sup>), so it is allowed, but active content in an
 * article is either a mistake pasted from elsewhere or an attack; the build rejects it with file and line
 * rather than silently removing it, so the editor sees what was there.
 */

export interface UnsafeHtml {
  line: number;
  column: number;
  message: string;
}

const RULES: { pattern: RegExp; message: (match: string) => string }[] = [
  { pattern: /<script\b/gi, message: () => '正文含有 <script>：文章里不能有脚本' },
  { pattern: /<(iframe|frame|object|embed)\b/gi, message: (m) => `正文含有 ${m}>：文章里不能嵌入外部页面或插件` },
  { pattern: /<[a-z][^>]*?\s(on[a-z]+)\s*=/gi, message: (m) => `正文的 HTML 标签带有事件属性（${/on[a-z]+/i.exec(m.slice(1))?.[0]}=）：文章里不能有脚本` },
  { pattern: /(?:href|src|action|formaction)\s*=\s*["']?\s*(?:javascript|vbscript|data):/gi, message: () => '正文的链接或资源使用了 javascript:/data: 地址' },
  { pattern: /\]\(\s*<?\s*(?:javascript|vbscript|data):/gi, message: () => 'Markdown 链接使用了 javascript:/data: 地址' },
];

/** Problems in a Markdown body; code blocks and inline code are text, not HTML, and are skipped. */
export function findUnsafeHtml(body: string, bodyStartLine: number): UnsafeHtml[] {
  const found: UnsafeHtml[] = [];
  let inFence = false;
  body.split('\n').forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      return;
    }
    if (inFence) return;
    // Blank out inline code, keeping columns.
    const text = line.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length));
    for (const { pattern, message } of RULES) {
      for (const match of text.matchAll(pattern)) {
        found.push({ line: bodyStartLine + index, column: match.index + 1, message: message(match[0]) });
      }
    }
  });
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}
