// @vitest-environment jsdom
import { tick } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { focusHeading, keepFocus } from './focus';

function row(...labels: string[]) {
  const div = document.createElement('div');
  for (const l of labels) {
    const b = document.createElement('button');
    b.textContent = l;
    div.append(b);
  }
  document.body.append(div);
  return div;
}

afterEach(() => document.body.replaceChildren());

describe('keepFocus', () => {
  it('hands focus to the successor found by selector when the focused element is removed', async () => {
    const div = row('Ask');
    const ask = div.querySelector('button')!;
    const action = keepFocus(ask, 'button');
    ask.focus();
    ask.remove();
    const stop = document.createElement('button');
    stop.textContent = 'Stop';
    div.append(stop);
    action.destroy();
    await tick();
    await Promise.resolve();
    expect(document.activeElement).toBe(stop);
  });

  it('uses a function for the successor', async () => {
    const div = row('Send');
    const input = document.createElement('textarea');
    document.body.append(input);
    const send = div.querySelector('button')!;
    const action = keepFocus(send, () => input);
    send.focus();
    send.remove();
    action.destroy();
    await tick();
    await Promise.resolve();
    expect(document.activeElement).toBe(input);
  });

  it('leaves focus alone when the element had lost it before it went away', async () => {
    const div = row('Ask', 'Other');
    const [ask, other] = div.querySelectorAll('button');
    const action = keepFocus(ask, 'button');
    ask.focus();
    other.focus();
    await Promise.resolve();
    ask.remove();
    action.destroy();
    await tick();
    await Promise.resolve();
    expect(document.activeElement).toBe(other);
  });

  it('does not take focus the athlete already moved elsewhere', async () => {
    const div = row('Ask');
    const ask = div.querySelector('button')!;
    const elsewhere = row('Elsewhere').querySelector('button')!;
    const action = keepFocus(ask, () => div.querySelector('button'));
    ask.focus();
    ask.remove();
    action.destroy();
    elsewhere.focus();
    await tick();
    await Promise.resolve();
    expect(document.activeElement).toBe(elsewhere);
  });
});

describe('focusHeading', () => {
  function screenArrives(main: HTMLElement) {
    const h1 = document.createElement('h1');
    h1.tabIndex = -1;
    h1.textContent = 'Activity';
    main.append(h1);
    return h1;
  }

  it('focuses the heading of a screen whose chunk arrives after the route changed', async () => {
    const main = document.createElement('main');
    document.body.append(main);
    const focusing = focusHeading();
    await tick();
    expect(document.activeElement).toBe(document.body);
    const h1 = screenArrives(main);
    await focusing;
    expect(document.activeElement).toBe(h1);
  });

  it('leaves focus where the athlete put it while the screen was loading', async () => {
    const main = document.createElement('main');
    const search = document.createElement('input');
    document.body.append(search, main);
    const focusing = focusHeading();
    await tick();
    search.focus();
    screenArrives(main);
    await focusing;
    expect(document.activeElement).toBe(search);
  });
});
