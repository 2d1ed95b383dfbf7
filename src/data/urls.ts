import { createUrls } from '../lib/urls.ts';
import { basePath } from '../build-settings.ts';

/** The site's URLs under its configured base path. */
export const urls = createUrls(basePath);
