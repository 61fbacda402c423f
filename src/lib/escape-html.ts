/**
 * Text made safe to put into HTML, as element content or a quoted attribute value: the one escaper for the HTML we
 * write by hand (emails, select options, learners' reflections in the module body). Text with nothing to escape, the
 * usual case, is returned as it is without building a new string.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/;

export const escapeHtml = (text: string): string => (SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]) : text);
