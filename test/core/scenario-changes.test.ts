// Scenario changes as typed: strict on both sides of the wire, and the
// canonical text the client sends reads back as the same changes.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { parseAiShare, parseScenario, parseScenarioChange, scenarioText } from '../../src/core/scenario-changes.js';

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

  it('reads a contact centre’s AI share as a level from 0% to 100%, alone or in a group, and writes it back', () => {
    expect(parseAiShare('30%', '--ai-share')).toEqual({ share: 0.3 });
    expect(parseAiShare(' 0% ', '--ai-share')).toEqual({ share: 0 });
    expect(parseAiShare('12.5%', '--ai-share')).toEqual({ share: 0.125 });
    for (const bad of ['-30%', '+30%', '30', '101%', '0.3', '%', '']) {
      expect(() => parseAiShare(bad, '--ai-share'), bad).toThrow(/^--ai-share: .* is not a share; write the share of inquiries the AI agent answers, 0% to 100%/);
    }
    const changes = parseScenario('AI-share=12.5%, staff=+4');
    expect(changes).toEqual({ aiShare: { share: 0.125 }, staff: { count: 4 } });
    expect(scenarioText(changes)).toBe('staff=+4,ai-share=12.5%');
    expect(parseScenario(scenarioText(changes))).toEqual(changes);
    for (const bad of ['ai-share=30%,ai-share=20%', 'ai-share=-10%', 'ai-share']) expect(() => parseScenario(bad), bad).toThrow(UsageError);
  });
});
