import type { OriginalFormat } from '../schemas/report';

/** The media type a kept original is served with (so a browser opens a PDF and downloads a DOCX). */
export const ORIGINAL_CONTENT_TYPES: Readonly<Record<OriginalFormat, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
  htm: 'text/html; charset=utf-8',
};

/** The file name of a report's kept original (data/originals/<id>.<format>), or null when the text is the original. */
export function originalFileName(report: { id: string; original_format: OriginalFormat | '' }): string | null {
  return report.original_format === '' ? null : `${report.id}.${report.original_format}`;
}
