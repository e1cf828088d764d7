// @vitest-environment jsdom
import { render } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Markdown from './Markdown.svelte';
import { closeOpenMarks, renderMarkdown } from '../markdown';

const HOSTILE = [
  '# Plan',
  '',
  'Run **easy** today. <img src=x onerror="window.__pwned = 1">',
  '',
  '<script>window.__pwned = 2</script>',
  '',
  '[click me](javascript:window.__pwned=3) and [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '',
  '<a href="JaVaScRiPt:window.__pwned=4">raw link</a> <a href="https://example.com" onclick="window.__pwned=5">site</a>',
  '',
  '<iframe src="https://evil.example"></iframe><svg onload="window.__pwned=6"><circle r="1"/></svg>',
  '',
  '<div style="background:url(https://evil.example/x)" onmouseover="window.__pwned=7">styled</div>',
  '',
  '![tracking pixel](https://evil.example/pixel.png)',
  '',
  '<form action="https://evil.example"><input name="p"><button formaction="javascript:alert(1)">go</button></form>',
  '',
  '| a | b |\n|---|---|\n| 1 | 2 |',
].join('\n');

afterEach(() => {
  delete (window as unknown as Record<string, unknown>).__pwned;
});

describe('Markdown', () => {
  it('closes bold and code blocks that a cut-off answer left open', () => {
    expect(closeOpenMarks('**Train today: an easy aerobic sessi')).toBe('**Train today: an easy aerobic sessi**');
    expect(closeOpenMarks('Done **well**.')).toBe('Done **well**.');
    expect(closeOpenMarks('Use `a**b` here')).toBe('Use `a**b` here');
    expect(closeOpenMarks('```\nconst x = 1')).toBe('```\nconst x = 1\n```');
    expect(renderMarkdown('**Train today: an easy')).toContain('<strong>Train today: an easy</strong>');
  });

  it('renders Markdown with a real parser', () => {
    const { container } = render(Markdown, { text: '## Today\n\n- **Easy** run\n- `30 min`\n\n1. one\n2. two' });
    expect(container.querySelector('h2')?.textContent).toBe('Today');
    expect(container.querySelectorAll('li')).toHaveLength(4);
    expect(container.querySelector('strong')?.textContent).toBe('Easy');
    expect(container.querySelector('code')?.textContent).toBe('30 min');
  });

  it('runs nothing from a hostile answer and keeps no dangerous tag or attribute', async () => {
    const alert = vi.fn();
    vi.stubGlobal('alert', alert);
    const { container } = render(Markdown, { text: HOSTILE });
    // Give any event handler, load or error a chance to fire.
    await new Promise((r) => setTimeout(r, 50));

    expect((window as unknown as Record<string, unknown>).__pwned).toBeUndefined();
    expect(alert).not.toHaveBeenCalled();
    for (const tag of ['script', 'img', 'iframe', 'svg', 'form', 'input', 'button', 'style']) {
      expect(container.querySelector(tag), tag).toBeNull();
    }
    for (const el of container.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) {
        expect(attr.startsWith('on'), `${el.tagName} ${attr}`).toBe(false);
        expect(attr).not.toBe('style');
        expect(attr).not.toBe('formaction');
      }
    }
    const hrefs = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([null, null, null, 'https://example.com']);
    for (const a of container.querySelectorAll('a')) {
      expect(a.getAttribute('rel')).toContain('noopener');
      expect(a.getAttribute('target')).toBe('_blank');
    }
    // The harmless parts survive.
    expect(container.querySelector('h1')?.textContent).toBe('Plan');
    expect(container.querySelector('table td')?.textContent).toBe('1');
    expect(container.textContent).toContain('click me');
  });

  it('never lets a URL scheme other than http(s) and mailto through', () => {
    for (const href of ['javascript:alert(1)', ' javascript:alert(1)', 'vbscript:x', 'data:text/html,x', '//evil.example/x']) {
      const html = renderMarkdown(`<a href="${href}">x</a>`);
      expect(html, href).not.toContain('href=');
    }
    expect(renderMarkdown('[mail](mailto:coach@example.com)')).toContain('href="mailto:coach@example.com"');
    expect(renderMarkdown('[in app](/activities)')).toContain('href="/activities"');
  });

  it('updates as streamed text grows', async () => {
    const { container, rerender } = render(Markdown, { text: 'Hel', streaming: true });
    expect(container.querySelector('.markdown.streaming')).not.toBeNull();
    await rerender({ text: 'Hello **wor', streaming: true });
    await rerender({ text: 'Hello **world**', streaming: false });
    expect(container.querySelector('strong')?.textContent).toBe('world');
    expect(container.querySelector('.markdown.streaming')).toBeNull();
  });
});

describe('Markdown before the renderer has loaded', () => {
  it('shows the text as plain paragraphs, hostile markup as text, and renders it once the renderer arrives', async () => {
    const { markdown } = await import('../markdownLoader.svelte');
    const loaded = markdown.render;
    markdown.render = null;
    try {
      const { container } = render(Markdown, { text: HOSTILE });
      const paragraphs = container.querySelectorAll('.markdown > p');
      expect(paragraphs.length).toBe(HOSTILE.split(/\n{2,}/).length);
      expect(container.querySelector('img, script, iframe, svg, form, strong')).toBeNull();
      expect(container.textContent).toContain('<img src=x onerror="window.__pwned = 1">');
      markdown.render = loaded;
      await Promise.resolve();
      await new Promise((r) => setTimeout(r, 0));
      expect(container.querySelector('strong')?.textContent).toBe('easy');
      expect(container.querySelector('img, script, iframe, svg, form')).toBeNull();
    } finally {
      markdown.render = loaded;
    }
  });
});
