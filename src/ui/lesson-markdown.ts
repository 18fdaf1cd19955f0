/**
 * A scenario's description (markdown) as safe HTML for the lesson panel:
 * marked parses it, DOMPurify removes anything that could run (scripts, event
 * handlers, javascript: URLs). A description may come from anyone — a shared
 * link, an imported file, an embed's YAML — so nothing reaches the page unsanitised.
 */
import { Marked, type Tokens } from 'marked';
import createDOMPurify, { type Config } from 'dompurify';

/** The lesson panel's own heading is an h2, so a description's `#` starts at h3. */
const HEADING_OFFSET = 2;

const marked = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    heading({ tokens, depth }: Tokens.Heading) {
      const level = Math.min(6, depth + HEADING_OFFSET);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
  },
});

/** Text-level and block markdown only: no forms, frames, media players, styles or SVG. */
const PURIFY: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'select', 'textarea', 'iframe', 'object', 'embed', 'video', 'audio', 'source'],
  FORBID_ATTR: ['style', 'id', 'name', 'target'],
  // http(s), mailto and page-relative links; DOMPurify's default also allows more schemes (ftp:, tel:, …) that a lesson does not need
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|\/|\.{0,2}\/|[^:/?#]*(?:[/?#]|$))/i,
};

// its own instance, so these hooks never affect another DOMPurify user on the page
const purify = createDOMPurify(window);
purify.addHook('afterSanitizeAttributes', (node) => {
  // links leave the page in a new tab (the design stays open) and cannot reach back into it
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
  if (node.tagName === 'IMG') node.setAttribute('loading', 'lazy');
});

/**
 * The description rendered as sanitised HTML.
 * @example lessonHtml('Try **+cache**') // '<p>Try <strong>+cache</strong></p>\n'
 */
export function lessonHtml(markdown: string): string {
  const raw = marked.parse(markdown, { async: false });
  return purify.sanitize(raw, PURIFY);
}
