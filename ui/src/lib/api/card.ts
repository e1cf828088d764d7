import type { Verdict } from './ai';

/** One input of the decision card (see README, "Train or rest, explained"). */
export interface CardSignal {
  /** form, ramp, acwr, monotony, hardSession, hrv, restingHr, sleep, soreness, stress, motivation, illness, injury */
  key: string;
  label: string;
  value: number | null;
  baseline: number | null;
  low: number | null;
  high: number | null;
  unit: string | null;
  /** missing, learning (no baseline yet) or judged */
  status: 'missing' | 'learning' | 'judged';
  direction: 'for_rest' | 'neutral' | 'for_training';
  /** The rules this signal made fire today. */
  rules: string[];
  /** One line in words: the value, the usual and what it means. */
  detail: string;
}

/** The deterministic train-or-rest card; an AI answer may narrate it, never change it. */
export interface DecisionCard {
  verdict: Verdict;
  headline: string;
  /** What the load rules alone say. */
  loadVerdict: Verdict;
  rules: string[];
  signals: CardSignal[];
  confidence: { level: 'none' | 'low' | 'medium' | 'high'; signals: number; agreeing: number; disagreeing: number; summary: string };
  whatWouldChange: string[];
  /** Today's plan against the verdict: "swap" a hard session on a rest or easy day; absent from older servers. */
  plan?: PlanLine;
}

/** A session planned today as the card weighs it. */
export interface PlannedToday {
  title: string;
  sport: string;
  durationS: number | null;
  targetLoad: number | null;
  hard: boolean;
}

export interface PlanLine {
  today: PlannedToday[];
  suggestion: 'swap' | 'as planned' | 'none';
  text: string;
}
