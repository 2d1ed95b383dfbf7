import { createUrls } from '../lib/urls.ts';
import { site } from '../site.config.ts';

/** The site's URLs under its configured base path. */
export const urls = createUrls(site.basePath);
