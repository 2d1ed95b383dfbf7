/** Loaded by an article page opened from a search result (?q=): marks the searched words (./highlight.ts). */
import { highlightSearchTerms } from './highlight.ts';

highlightSearchTerms();
