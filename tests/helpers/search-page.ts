/**
 * Reading a search on the search page from inside the page: for the tests that read hundreds of searches
 * (the evaluation, the large archive's walk), where a Playwright round trip per look and per press of
 * "more" was most of their time. How a reader presses the button is tested through Playwright elsewhere
 * (tests/corpus/search-parts.spec.ts, readToTheEnd).
 */
import type { Page } from '@playwright/test';

export interface ReadOnOptions {
  /** Wait first until the status line names this (the query in “”) and says what it found: this search's, not the last one's. */
  statusNames?: string;
  /** Press "more" until at least this many results are shown… */
  enough: number;
  /** …and these articles (ids, as in /articles/<id>/) are among them, or the search has ended. */
  wanted?: readonly string[];
  /** Whether the articles published on a date the query names count as results (their group is listed first). */
  withDated: boolean;
}

export interface ReadOn {
  /** The ids shown, grouped as the page groups them (by the period each step read), empty groups left out. */
  groups: string[][];
  presses: number;
  /** The "more" button is gone: the whole archive has been searched. */
  complete: boolean;
  status: string;
}

/** Waits for the search (see options), presses "more" as it says, and reads what is shown; throws when the page stops answering. */
export async function readOn(page: Page, options: ReadOnOptions): Promise<ReadOn> {
  const read = await page.evaluate(readOnInPage, { ...options, wanted: [...(options.wanted ?? [])] });
  if ('error' in read) throw new Error(read.error);
  return read;
}

/** Runs in the page: self-contained (Playwright sends its source). */
async function readOnInPage({ statusNames, enough, wanted, withDated }: ReadOnOptions & { wanted: string[] }): Promise<ReadOn | { error: string }> {
  const status = document.querySelector('[data-search-status]')!;
  const results = document.querySelector('[data-search-results]')!;
  const more = document.querySelector<HTMLElement>('[data-search-more]')!;
  const button = more.querySelector('button')!;
  const said = () => status.textContent ?? '';
  /** Waits until `done`; false after 15 s (the suite's expect timeout). */
  const until = async (done: () => boolean) => {
    const deadline = Date.now() + 15_000;
    while (!done()) {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return true;
  };
  const idle = () => !results.hasAttribute('aria-busy');
  if (!(await until(() => (statusNames === undefined || said().includes(statusNames)) && /找到|共 \d+ 篇/.test(said()) && idle()))) {
    return { error: `the search${statusNames ? ` for ${statusNames}` : ''} did not end within 15 s; status: ${said()}` };
  }
  const groups = () =>
    [...results.querySelectorAll(withDated ? '.search-group' : '.search-group:not(.search-group--date)')]
      .map((section) => [...section.querySelectorAll<HTMLAnchorElement>('.search-result__title a')].map((link) => decodeURIComponent(link.pathname).replace(/^\/articles\/|\/$/g, '')))
      .filter((group) => group.length > 0);
  for (let presses = 0; ; presses++) {
    const shown = groups();
    const ids = shown.flat();
    // What a reader can press: the button shown (not only the attribute: a style could show it anyway).
    const pressable = more.checkVisibility();
    if (!pressable || (ids.length >= enough && wanted.every((id) => ids.includes(id)))) return { groups: shown, presses, complete: !pressable, status: said() };
    if (button.disabled) return { error: `“more” is shown but disabled with nothing running, after ${presses} presses; status: ${said()}` };
    // A failed step offers a retry, which would be pressed again and again.
    if (presses === 1000) return { error: `still not done after 1,000 presses of “more”; status: ${said()}` };
    button.click();
    // The step is busy from the press (the page says so synchronously) until it has shown what it found.
    if (!(await until(idle))) return { error: `still busy 15 s after press ${presses + 1} of “more”; status: ${said()}` };
  }
}
