import { describe, expect, it } from 'vitest';
import { cost, scenarioRunner, stat } from './helpers.js';

const run = scenarioRunner('serverless-cost');

/** Seconds in the month the cost projects to (730 h). */
const MONTH_S = 730 * 3600;
/** The instance's bill: $0.0416 an hour for 730 hours. */
const EC2_PER_MONTH = 0.0416 * 730;

/** Lambda's monthly bill at `rps` requests/s of `seconds` billed each at 0.5 GB, less the free tier. */
function lambdaPerMonth(rps: number, seconds: number): number {
  const requests = rps * MONTH_S;
  return Math.max(0, requests - 1e6) * 0.2e-6 + Math.max(0, requests * seconds * 0.5 - 400_000) * 0.0000166667;
}

describe('scenarios/serverless-cost.yaml', () => {
  const trickle = run(),
    steady = run('steady'),
    crossover = run('crossover');

  it('bills nothing at a trickle: a month of 0.2 requests/s (0.53M requests, 26,000 GB-s) fits the free tier', () => {
    expect(lambdaPerMonth(0.2, 0.1)).toBe(0);
    expect(trickle.summary.requests).toBeGreaterThan(40);
    expect(cost(trickle).run).toBe(0);
    expect(cost(trickle).perMonth).toBe(0);
  });

  it('bills the usage above the free tier, as the price list says: within 2 % at 14 and 50 requests/s', () => {
    for (const [r, rps] of [
      [steady, 50],
      [crossover, 14],
    ] as const) {
      // the billed duration per invocation, measured: 1 ms steps and cold starts included
      const seconds = stat(r, 'fn', 'billedGbSeconds') / 0.5 / stat(r, 'fn', 'invocations');
      const rate = r.summary.requests / 300;
      expect(Math.abs(rate - rps) / rps).toBeLessThan(0.05);
      expect(Math.abs(cost(r).perMonth - lambdaPerMonth(rate, seconds)) / cost(r).perMonth).toBeLessThan(0.02);
    }
  });

  it('costs the always-on instance the same at any load: 730 h × $0.0416', () => {
    expect(cost(run('trickle-on-ec2')).perMonth).toBeCloseTo(EC2_PER_MONTH, 1);
    expect(cost(run('steady-on-ec2')).perMonth).toBeCloseTo(EC2_PER_MONTH, 1);
  });

  it('puts the crossover where the two bills meet: ≈ 14 requests/s', () => {
    // solve lambdaPerMonth(r, 0.1) = EC2_PER_MONTH for r: linear above the free tier
    const perRps = MONTH_S * (0.2e-6 + 0.1 * 0.5 * 0.0000166667);
    const r = (EC2_PER_MONTH + 0.2 + 400_000 * 0.0000166667) / perRps;
    expect(r).toBeGreaterThan(13);
    expect(r).toBeLessThan(14.5);
    expect(Math.abs(cost(crossover).perMonth - EC2_PER_MONTH)).toBeLessThan(0.15 * EC2_PER_MONTH);
    expect(cost(steady).perMonth).toBeGreaterThan(4 * EC2_PER_MONTH);
  });
});
