// Scenario changes as typed: strict on both sides of the wire, and the
// canonical text the client sends reads back as the same changes.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { parseScenario, parseScenarioChange, scenarioText } from '../../src/core/scenario-changes.js';

describe('scenario changes', () => {
  it('reads signed percentages and signed counts', () => {
    expect(parseScenarioChange('+30%', '--arrivals')).toEqual({ percent: 30 });
    expect(parseScenarioChange(' -50% ', '--egates')).toEqual({ percent: -50 });
    expect(parseScenarioChange('-12.5%', '--arrivals')).toEqual({ percent: -12.5 });
    expect(parseScenarioChange('-10', '--staff')).toEqual({ count: -10 });
    expect(parseScenarioChange('+0', '--staff')).toEqual({ count: 0 });
    expect(parseScenarioChange('-0%', '--staff')).toEqual({ percent: 0 });
  });

  it('refuses anything else with one line naming the flag and the value', () => {
    for (const bad of ['30%', '10', '+', '%', '+ 30%', '+30 %', '+1e3', '+0x10', '+30%%', '+1.234%', '-101%', '+1001%', '+1000001', '+Infinity', 'NaN', '']) {
      const err = (() => {
        try {
          parseScenarioChange(bad, '--arrivals');
        } catch (e) {
          return e;
        }
      })();
      expect(err, bad).toBeInstanceOf(UsageError);
      expect((err as UsageError).exitCode).toBe(2);
      expect((err as UsageError).message).toMatch(/^--arrivals: /);
      expect((err as UsageError).message).not.toContain('\n');
    }
  });

  it('reads a scenario group, each field once, and writes it back canonically', () => {
    const changes = parseScenario(' Staff=-10 , arrivals=+30% ');
    expect(changes).toEqual({ staff: { count: -10 }, arrivals: { percent: 30 } });
    expect(scenarioText(changes)).toBe('arrivals=+30%,staff=-10');
    expect(parseScenario(scenarioText(changes))).toEqual(changes);
    for (const bad of ['', ',', 'arrivals', 'arrivals=', 'crowd=+1', 'arrivals=+1,arrivals=+2', 'arrivals=+30%;staff=-1', '__proto__=+1', 'constructor=+1'])
      expect(() => parseScenario(bad), bad).toThrow(UsageError);
  });
});
