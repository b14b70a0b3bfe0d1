// Text a person sends that the server stores. Control characters are refused: SQLite's length() stops at a NUL, a
// terminal runs ESC sequences from logs, and a line break in a one-line name breaks CSV exports and lists.
import { z } from 'zod';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ONE_LINE = /^[^\u0000-\u001F\u007F-\u009F]*$/;
// eslint-disable-next-line no-control-regex -- as ONE_LINE, but tab, LF and CR are allowed
const MULTI_LINE = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$/;

export const TEXT_MESSAGES = {
  oneLine: 'must not contain control characters, tabs or line breaks',
  multiLine: 'must not contain control characters (tabs and line breaks are fine)',
} as const;

/** Whether `value` holds no control character, tab or line break: for schemas that cannot start from text(), like z.url(). */
export const isOneLineText = (value: string): boolean => ONE_LINE.test(value);

export interface TextOptions {
  /** Fewest characters after trimming (0 by default). */
  min?: number;
  max: number;
  /** Notes and offer bodies: tab, LF and CR allowed. */
  multiline?: boolean;
  /** Trim surrounding white space first (default), so a pasted trailing line break is dropped rather than refused. */
  trim?: boolean;
}

/**
 * A string that is stored: trimmed, then refused when it holds a C0 control (U+0000–U+001F), DEL or a C1 control
 * (U+0080–U+009F); multi-line text keeps tab, LF and CR. Use it for every text field a write takes.
 * @example text({ min: 1, max: 120 }).safeParse('Kiez\u0000Nord').success // false
 */
export function text({ min = 0, max, multiline = false, trim = true }: TextOptions) {
  const base = trim ? z.string().trim() : z.string();
  const checked = multiline
    ? base.regex(MULTI_LINE, TEXT_MESSAGES.multiLine)
    : base.regex(ONE_LINE, TEXT_MESSAGES.oneLine);
  return (min > 0 ? checked.min(min) : checked).max(max);
}
