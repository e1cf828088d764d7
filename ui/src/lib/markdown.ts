/**
 * Markdown from the coach → safe HTML: parsed by `marked` (GitHub-flavoured), then sanitised by
 * DOMPurify before it reaches the DOM. Images, frames, forms, styles and SVG are dropped (an
 * image would also be a network call leaving the server); links keep only safe URLs and open
 * in a new tab without an opener.
 */
import { Marked } from 'marked';
import DOMPurify from 'dompurify';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const FORBID_TAGS = ['img', 'picture', 'source', 'video', 'audio', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'style', 'link', 'meta', 'base', 'svg', 'math', 'script'];
const FORBID_ATTR = ['style', 'srcset', 'formaction', 'action', 'background', 'ping'];

let hooked = false;

function purifier() {
  if (!hooked) {
    hooked = true;
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A') {
        const href = node.getAttribute('href') ?? '';
        // Only web and mail links survive; anything else (javascript:, data:, vbscript:…) is removed.
        if (!/^(https?:|mailto:|#|\/(?!\/))/i.test(href.trim())) node.removeAttribute('href');
        node.setAttribute('rel', 'noopener noreferrer nofollow');
        node.setAttribute('target', '_blank');
      }
    });
  }
  return DOMPurify;
}

/**
 * An answer cut off mid-way (still streaming, or stopped) may leave bold or a code block open, which the parser would
 * show as raw `**`; closing them renders what is there as the model meant it.
 */
export function closeOpenMarks(text: string): string {
  let out = text;
  const fences = out.match(/^\s*```/gm)?.length ?? 0;
  if (fences % 2 === 1) return `${out}\n\`\`\``;
  // Outside code: count ** pairs, ignoring inline code spans.
  const bold = out.replace(/`[^`\n]*`/g, '').match(/\*\*/g)?.length ?? 0;
  if (bold % 2 === 1) out = `${out.replace(/\s+$/, '')}**`;
  return out;
}

export function renderMarkdown(text: string): string {
  const html = marked.parse(closeOpenMarks(text ?? '')) as string;
  return purifier().sanitize(html, {
    FORBID_TAGS,
    FORBID_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
  }) as unknown as string;
}
