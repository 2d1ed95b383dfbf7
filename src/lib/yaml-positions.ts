/**
 * Where a value is in a YAML document, for messages that name the line an editor must change: a field that a
 * schema rejected (its value, or its parent when it is missing), or an unknown key. Shared by the articles'
 * frontmatter and the newsroom's config, both YAML written by hand.
 */
import { isMap, isScalar, LineCounter, type Node } from 'yaml';

/** The node at `path`, or the closest ancestor that exists (a missing field points at its parent). */
export function nearestNode(root: unknown, path: readonly PropertyKey[]): Node | undefined {
  let node = root as Node | undefined;
  for (const segment of path) {
    const child = childNode(node, segment);
    if (!child) return keyNodeAt(root, path) ?? node;
    node = child;
  }
  return node;
}

/** The key node of the last segment of `path` (used for unknown keys, which have no value worth pointing at). */
export function keyNodeAt(root: unknown, path: readonly PropertyKey[]): Node | undefined {
  let node = root as Node | undefined;
  for (const [index, segment] of path.entries()) {
    if (index === path.length - 1 && isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
      return pair?.key as Node | undefined;
    }
    node = childNode(node, segment);
  }
  return undefined;
}

function childNode(node: Node | undefined, segment: PropertyKey): Node | undefined {
  if (!node || !('get' in node) || typeof node.get !== 'function') return undefined;
  const child = (node as { get(key: unknown, keepScalar: true): unknown }).get(segment, true);
  return child && typeof child === 'object' && 'range' in child ? (child as Node) : undefined;
}

/** Line and column (both from 1) of an offset in the parsed text, `lineOffset` lines further down the file. */
export function positionOf(lineCounter: LineCounter, offset: number | undefined, lineOffset = 0): { line: number; column: number } {
  const pos = lineCounter.linePos(offset ?? 0);
  return { line: pos.line + lineOffset, column: pos.col };
}
