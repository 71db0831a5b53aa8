// HTML with hono's `html` tag: interpolated values are escaped, nested fragments are not. Every page here
// is synchronous, so the helper narrows hono's return type to a plain escaped string.
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export type Html = HtmlEscapedString;

export function h(strings: TemplateStringsArray, ...values: unknown[]): Html {
  return html(strings, ...values) as Html;
}

export { raw };
