/** The newsroom's masthead and tab icon, under names that change with their bytes (lib/newsroom/images.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteImages } from 'virtual:news/settings';
import type { NewsroomImage } from '../../lib/newsroom/images.ts';

export const getStaticPaths = (() =>
  [siteImages.logo, siteImages.icon].flatMap((image) => (image ? [{ params: { file: image.fileName }, props: { image } }] : []))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { image } = props as { image: NewsroomImage };
  return new Response(image.bytes, { headers: { 'Content-Type': image.contentType } });
};
