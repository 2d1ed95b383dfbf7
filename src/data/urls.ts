import { createUrls } from '../lib/urls.ts';
import { basePath } from 'virtual:news/settings';

/** The site's URLs under its configured base path. */
export const urls = createUrls(basePath);
