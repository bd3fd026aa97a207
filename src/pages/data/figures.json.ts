import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { figuresJson } from '../../lib/export';

export const GET: APIRoute = async () => {
  const figures = (await getCollection('figures')).map((e) => e.data);
  return new Response(figuresJson(figures), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
