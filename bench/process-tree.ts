/**
 * Memory of a whole process tree (the build and every process it starts, Pagefind included), sampled from
 * Linux's /proc. getrusage and `time` report the largest single process only, which misses the indexer
 * processes running beside Astro.
 */
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_SIZE = 4096;
const SAMPLE_INTERVAL_MS = 100;

export interface MemoryPeak {
  /** Peak of the summed resident memory of all processes in the tree, in bytes. */
  treeBytes: number;
  /** Peak resident memory of any one process, in bytes. */
  largestProcessBytes: number;
  samples: number;
}

/** Samples the tree under `rootPid` until `stop()` is called; returns the peaks. */
export function watchProcessTree(rootPid: number): { stop(): MemoryPeak } {
  const peak: MemoryPeak = { treeBytes: 0, largestProcessBytes: 0, samples: 0 };
  const sample = () => {
    const sizes = processTree(rootPid).map(residentBytes);
    peak.treeBytes = Math.max(peak.treeBytes, sizes.reduce((sum, size) => sum + size, 0));
    peak.largestProcessBytes = Math.max(peak.largestProcessBytes, ...sizes, 0);
    peak.samples += 1;
  };
  sample();
  const timer = setInterval(sample, SAMPLE_INTERVAL_MS);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

/** The process and all its descendants, from /proc/<pid>/task/<tid>/children. */
function processTree(rootPid: number): number[] {
  const found: number[] = [];
  const pending = [rootPid];
  while (pending.length) {
    const pid = pending.pop()!;
    found.push(pid);
    for (const tid of readTasks(pid)) {
      const children = readText(`/proc/${pid}/task/${tid}/children`);
      for (const child of children.split(' ')) if (child.trim()) pending.push(Number(child));
    }
  }
  return found;
}

function readTasks(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
}

function residentBytes(pid: number): number {
  const fields = readText(`/proc/${pid}/statm`).split(' ');
  return Number(fields[1] ?? 0) * PAGE_SIZE;
}

/** A process may exit between listing and reading; it then counts as empty. */
function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Whether this machine has /proc to sample (Linux). */
export function canWatchProcesses(): boolean {
  return readText('/proc/self/statm') !== '';
}
