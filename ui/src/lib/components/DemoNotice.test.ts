// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import DemoNotice from './DemoNotice.svelte';
import { json, stubFetch } from '../../test/http';

afterEach(() => vi.unstubAllGlobals());

describe('DemoNotice', () => {
  it('removes the demo athlete only after the athlete confirms', async () => {
    const mock = stubFetch({ 'DELETE /api/demo': () => json(200, { removed: 212 }) });
    const onremoved = vi.fn();
    render(DemoNotice, { props: { onremoved } });
    const open = screen.getByRole('button', { name: 'Remove the demo athlete' });

    await fireEvent.click(open);
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(mock).not.toHaveBeenCalled();

    await fireEvent.click(open);
    expect(screen.getByRole('dialog', { name: 'Remove the demo athlete?' })).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Remove demo data' }));
    await vi.waitFor(() => expect(onremoved).toHaveBeenCalledWith(212));
    expect(mock).toHaveBeenCalledTimes(1);
  });
});
