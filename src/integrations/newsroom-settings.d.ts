/**
 * The types of the module `virtual:news/settings` (src/integrations/newsroom.ts makes it; tsconfig.json's
 * `paths` points the name here for the type checker): the build's settings as values.
 */
import type { NewsroomImage } from '../lib/newsroom/images.ts';
import type { Newsroom } from '../lib/newsroom/newsroom.ts';

export declare const site: Newsroom;
export declare const contentDir: string;
export declare const editionsDir: string;
export declare const basePath: string;
export declare const siteUrl: string;
export declare const buildTime: Date;
export declare const siteImages: { logo?: NewsroomImage; icon: NewsroomImage };
/** Where the articles loader keeps what it hands on: texts for the index, bodies' HTML (lib/archive/index-input.ts). */
export declare const archiveSourceDir: string;
