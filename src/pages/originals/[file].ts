import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataPaths } from '../../lib/dataset-files';
import { ORIGINAL_CONTENT_TYPES, originalFileName } from '../../lib/originals';

/**
 * originals/<report id>.<format>: the published file a report was read from, byte for byte as kept in
 * data/originals/ (its sha256 is in the manifest), so a reader can check every quote against the original.
 */
export const getStaticPaths = (async () => {
  const reports = await getCollection('reports');
  return reports.flatMap(({ data: report }) => {
    const file = originalFileName(report);
    return file === null || report.original_format === '' ? [] : [{ params: { file }, props: { file, format: report.original_format } }];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { file, format } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  const bytes = readFileSync(join(dataPaths(process.cwd()).originals, file));
  return new Response(bytes, { headers: { 'Content-Type': ORIGINAL_CONTENT_TYPES[format] } });
};
