import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { findingsJson } from '../../lib/checks/export';

export const GET: APIRoute = async () => {
  const findings = (await getCollection('findings')).map((e) => e.data);
  return new Response(findingsJson(findings), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
