import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { figuresCsv } from '../../lib/export';

export const GET: APIRoute = async () => {
  const figures = (await getCollection('figures')).map((e) => e.data);
  return new Response(figuresCsv(figures), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
