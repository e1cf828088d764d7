// @vitest-environment jsdom
import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import SportIcon from './SportIcon.svelte';

function glyph(family: string): string {
  const { container } = render(SportIcon, { family });
  const icon = container.querySelector('.sport-icon')!;
  expect(icon.getAttribute('aria-hidden')).toBe('true');
  return icon.textContent ?? '';
}

describe('SportIcon', () => {
  it('has a glyph of its own for a multisport activity and for a transition leg', () => {
    expect(glyph('multisport')).toBe('M');
    expect(glyph('transition')).toBe('⇄');
    expect(glyph('run')).toBe('R');
    // Anything unknown still shows something, never a blank.
    expect(glyph('curling')).toBe('•');
  });
});
