import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBuildSettings } from '../../src/settings.ts';
import { ZHONGYUAN } from '../fixtures/sites.ts';

describe('the build settings', () => {
  const env = { CONTENT_DIR: ZHONGYUAN.articles };

  it('keep the printed pages beside the articles unless EDITIONS_DIR says where', () => {
    expect(readBuildSettings(env).editionsDir).toBe(join(ZHONGYUAN.articles, '..', 'editions'));
    // Ten years of page PDFs may live outside the repository (a mounted archive): any directory.
    expect(readBuildSettings({ ...env, EDITIONS_DIR: '/srv/epaper/editions' }).editionsDir).toBe('/srv/epaper/editions');
    expect(readBuildSettings({ ...env, EDITIONS_DIR: 'pdf-archive' }, '/work/site').editionsDir).toBe(resolve('/work/site', 'pdf-archive'));
  });
});
