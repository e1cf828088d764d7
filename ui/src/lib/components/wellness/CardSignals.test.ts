// @vitest-environment jsdom
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import CardSignals from './CardSignals.svelte';
import type { CardSignal, DecisionCard } from '../../api/card';

const signal = (key: string, label: string, more: Partial<CardSignal>): CardSignal => ({
  key, label, value: null, baseline: null, low: null, high: null, unit: null, status: 'judged', direction: 'neutral',
  rules: [], detail: '', ...more,
});

const CARD: DecisionCard = {
  verdict: 'easy',
  headline: 'Easy: HRV below your normal range and resting HR up',
  loadVerdict: 'train',
  rules: ['hrv_low_rhr_high'],
  signals: [
    signal('form', 'Form', { value: 4, detail: 'Form +4: neutral', direction: 'for_training' }),
    signal('hrv', 'HRV', { value: 3.9, low: 4.0, high: 4.3, detail: '7-day mean 49 ms, below your range 55–74 ms', direction: 'for_rest', rules: ['hrv_low_rhr_high'] }),
    signal('sleep', 'Sleep', { status: 'learning', detail: '7.5 h last night' }),
    signal('soreness', 'Soreness', { status: 'missing' }),
    signal('stress', 'Stress', { status: 'missing' }),
  ],
  confidence: { level: 'medium', signals: 2, agreeing: 1, disagreeing: 1, summary: '2 signals judged: 1 for this verdict, 1 against, 0 neutral.' },
  whatWouldChange: ['HRV back inside your normal range tomorrow → train'],
};

describe('CardSignals', () => {
  it('lists each weighed signal with its words and lean, names the missing ones once, and what would change the verdict', () => {
    render(CardSignals, { card: CARD });
    expect(screen.getByText(/^Why: 2 signals judged/)).toBeTruthy();
    const items = [...screen.getByTestId('card-signals').querySelectorAll('.signals li')];
    expect(items.map((li) => li.querySelector('.label')!.textContent)).toEqual(['Form', 'HRV', 'Sleep']);
    expect(items[1].textContent).toContain('below your range 55–74 ms');
    expect(items[1].textContent).toContain('leans to rest');
    expect(items[1].classList.contains('fired')).toBe(true);
    expect(items[2].textContent).toContain('still learning your usual');
    expect(screen.getByText('Not known today: Soreness, Stress.')).toBeTruthy();
    expect(screen.getByText('HRV back inside your normal range tomorrow → train')).toBeTruthy();
  }, 20_000);
});
