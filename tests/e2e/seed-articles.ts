/**
 * What the three seed articles must show, derived here from the seed text itself, independently of the
 * content files: split at the headlines, bylines dropped, and only the four known layout breaks re-joined.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SEED_FILE = fileURLToPath(new URL('../fixtures/seed-print-page.txt', import.meta.url));

/** Paragraph endings where the print layout broke a sentence; the next paragraph continues it. */
const LAYOUT_BREAKS = ['推进方', '一线', '精准', '分享了'];

export interface SeedArticle {
  path: string;
  headline: string;
  title: string;
  subtitle: string;
  date: string;
  paragraphs: string[];
}

const expected = [
  { path: '/articles/2024/05/project-review-q1-economy/', title: '中原区举行重大项目建设观摩暨一季度经济运行分析会议', subtitle: '力拼二季度 全面冲刺“半年红”', date: '2024年5月6日' },
  { path: '/articles/2024/05/safety-inspection/', title: '中原区领导调研安全生产工作', subtitle: '增强责任意识 坚决守住安全发展底线', date: '2024年5月5日' },
  { path: '/articles/2024/05/three-transformations-conference/', title: '中原区召开加快工业企业“三化改造”暨推进新型工业化大会', subtitle: '不断塑造高质量发展新动能新优势', date: '2024年5月6日' },
];

export function seedArticles(): SeedArticle[] {
  const lines = readFileSync(SEED_FILE, 'utf8').split('\n').map((line) => line.trim()).filter(Boolean);
  const starts = expected.map(({ title, subtitle }) => lines.indexOf(`${title} ${subtitle}`));
  if (starts.some((start) => start < 0)) throw new Error('seed headline not found');
  return expected.map((article, index) => {
    const body = lines.slice(starts[index]! + 1, starts[index + 1] ?? lines.length).filter((line) => !/^(记者|通讯员)\s/.test(line));
    const paragraphs: string[] = [];
    for (const line of body) {
      const previous = paragraphs.at(-1);
      if (previous !== undefined && LAYOUT_BREAKS.some((end) => previous.endsWith(end))) paragraphs[paragraphs.length - 1] = previous + line;
      else paragraphs.push(line);
    }
    return { ...article, headline: lines[starts[index]!]!, paragraphs };
  });
}
