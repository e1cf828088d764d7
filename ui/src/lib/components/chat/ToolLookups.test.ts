// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ToolLookups from './ToolLookups.svelte';
import { lookupDone, lookupStarted } from '../../stream/lookups';
import type { ToolCall } from '../../api/ai';

const CALLS: ToolCall[] = [
  { id: 'toolu_1', name: 'search_activities', arguments: { sport: 'run' }, summary: 'runs since 2024-01-01 by distance', ok: true, resultSummary: '12 activities', bytes: 1834 },
  { id: 'toolu_2', name: 'get_activity', arguments: { id: 'a9' }, summary: 'activity 2025-11-04 Morning run', ok: false, resultSummary: 'no such activity', bytes: 40 },
];

function toggle() {
  return screen.getByRole('button', { name: /Looked up|Looking up/ });
}

describe('ToolLookups', () => {
  it('shows nothing for an answer that looked nothing up', () => {
    const { container } = render(ToolLookups, { calls: [] });
    expect(container.querySelector('[data-testid="tool-lookups"]')).toBeNull();
    render(ToolLookups, { calls: null });
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('is one collapsed line of the summaries, failed lookups marked', () => {
    render(ToolLookups, { calls: CALLS });
    const button = toggle();
    expect(button.textContent).toContain('Looked up: runs since 2024-01-01 by distance · activity 2025-11-04 Morning run (failed)');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    const list = document.getElementById(button.getAttribute('aria-controls')!)!;
    expect(list.hidden).toBe(true);
  });

  it('expands to each lookup with its result and size, and collapses again', async () => {
    render(ToolLookups, { calls: CALLS });
    const button = toggle();
    await fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const list = document.getElementById(button.getAttribute('aria-controls')!)!;
    expect(list.hidden).toBe(false);
    const items = screen.getAllByRole('listitem');
    expect(items.map((li) => li.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'runs since 2024-01-01 by distance → 12 activities 1.8 KB',
      'activity 2025-11-04 Morning run → no such activity 40 B failed',
    ]);
    expect(items[1].className).toContain('failed');
    await fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(list.hidden).toBe(true);
  });

  it('is a real button, so the keyboard reaches and opens it', async () => {
    render(ToolLookups, { calls: CALLS });
    const button = toggle();
    expect(button.tagName).toBe('BUTTON');
    expect(button.getAttribute('type')).toBe('button');
    button.focus();
    expect(document.activeElement).toBe(button);
  });

  it('says “Looking up …” while a lookup of a live answer runs, then what was looked up', async () => {
    let lookups = lookupStarted([], { id: 'toolu_1', name: 'training_load', summary: 'load 2025-09-01 to 2025-11-30' });
    const { rerender } = render(ToolLookups, { lookups });
    expect(toggle().textContent).toContain('Looking up load 2025-09-01 to 2025-11-30…');
    await fireEvent.click(toggle());
    expect(screen.getByRole('listitem').textContent).toContain('looking up…');
    lookups = lookupDone(lookups, { id: 'toolu_1', name: 'training_load', ok: true, summary: '91 days', bytes: 3100 });
    await rerender({ lookups });
    expect(toggle().textContent).toContain('Looked up: load 2025-09-01 to 2025-11-30');
    // Still open: the line does not collapse under the athlete's eyes.
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('listitem').textContent).toContain('→ 91 days');
    expect(screen.getByRole('listitem').textContent).not.toContain('looking up…');
  });

  it('marks a stored lookup that never finished', async () => {
    render(ToolLookups, { calls: [{ id: 't', name: 'compare_periods', summary: 'Nov 2025 against Nov 2024', ok: null }] });
    await fireEvent.click(toggle());
    expect(screen.getByRole('listitem').textContent).toContain('not finished');
  });
});
