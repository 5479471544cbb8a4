import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import {
  AckBody,
  AssignBody,
  CreateIncidentBody,
  CreateTokenBody,
  IncidentsQuery,
  TelemetryBody,
} from '../../src/hub/api/schemas.js';
import { parseInput } from '../../src/hub/api/validate.js';

describe('request schemas', () => {
  it.each([
    ['incident', CreateIncidentBody, { title: 'Gate down', severity: 'sev2', colour: 'red' }],
    ['ack', AckBody, { force: true }],
    ['assign', AssignBody, { to: 'aisha', cc: 'omar' }],
    ['token', CreateTokenBody, { name: 'x', role: 'viewer', scopes: ['all'] }],
    ['query', IncidentsQuery, { state: 'open', sort: 'asc' }],
    [
      'telemetry',
      TelemetryBody,
      {
        sites: [
          {
            siteId: 'RUH',
            at: '2026-01-01T00:00:00Z',
            arrivalsPerHour: 1,
            queueLength: 1,
            waitMinutes: 1,
            egatesInService: 1,
            countersOpen: 1,
            mood: 'calm',
          },
        ],
      },
    ],
  ])('%s rejects an unknown field', (_name, schema, value) => {
    expect(schema.safeParse(value).success).toBe(false);
  });

  it('reports the unknown field as a UsageError with its path', () => {
    try {
      parseInput(CreateIncidentBody, { title: 'Gate down', severity: 'sev2', colour: 'red' }, 'incident');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UsageError);
      expect((e as UsageError).message).toMatch(/colour/);
    }
  });

  it('accepts the shapes CoreClient sends', () => {
    expect(parseInput(CreateIncidentBody, { title: ' Gate down ', severity: 'sev2', siteId: 'RUH' }, 'x').title).toBe('Gate down');
    expect(parseInput(AckBody, undefined, 'x')).toEqual({});
    expect(parseInput(IncidentsQuery, { state: 'open', limit: '20' }, 'x')).toEqual({ state: 'open', limit: 20 });
  });

  it('rejects empty text and bad enums', () => {
    expect(CreateIncidentBody.safeParse({ title: '  ', severity: 'sev2' }).success).toBe(false);
    expect(CreateIncidentBody.safeParse({ title: 'x', severity: 'sev5' }).success).toBe(false);
    expect(IncidentsQuery.safeParse({ limit: '0' }).success).toBe(false);
  });
});
