import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { findingsCsv } from '../../lib/checks/export';

export const GET: APIRoute = async () => {
  const findings = (await getCollection('findings')).map((e) => e.data);
  return new Response(findingsCsv(findings), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
