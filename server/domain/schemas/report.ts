// A report as PDF: the path and query of GET /api/reports/area/{file} and /api/reports/compare/{file}.
import { z } from 'zod';

export const REPORT_PAPER = ['A4', 'Letter'] as const;
/** Long enough for any segment the app writes into its URL (segment-param.ts). */
export const REPORT_SEG_MAX = 2000;

export const reportFileParam = z.object({
  file: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,120}\.pdf$/, 'an area id followed by .pdf')
    .meta({ param: { name: 'file', in: 'path' }, example: 'ar-1.pdf' }),
});

/** Two to eight area ids, comma-separated, then .pdf (the comparison report's file). */
export const REPORT_COMPARE_MAX = 8;
export const reportCompareFileParam = z.object({
  file: z
    .string()
    .regex(
      /^[A-Za-z0-9_.:-]{1,120}(,[A-Za-z0-9_.:-]{1,120}){1,7}\.pdf$/,
      'two to eight area ids, comma-separated, followed by .pdf',
    )
    .meta({ param: { name: 'file', in: 'path' }, example: 'ar-1,ar-2.pdf' }),
});

export const reportQuery = z.object({
  format: z
    .enum(REPORT_PAPER)
    .default('A4')
    .meta({ param: { name: 'format', in: 'query' }, description: 'Paper size' }),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'a language tag such as en or de')
    .optional()
    .meta({ param: { name: 'lang', in: 'query' }, description: 'Language of the report' }),
  seg: z
    .string()
    .max(REPORT_SEG_MAX)
    .optional()
    .meta({
      param: { name: 'seg', in: 'query' },
      description: 'The segment in force, as the app writes it in its URL (`age:25-40;tier:gold`)',
    }),
});

export const reportPdf = z.string().meta({ description: 'A PDF document', format: 'binary' });
export type ReportQuery = z.infer<typeof reportQuery>;
