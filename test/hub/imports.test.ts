// The hub's import rules, read with the shared import-graph reader
// (TypeScript's parser: import, import type, export … from and import(),
// which tsc lets through): src/hub imports nothing from the front ends or the
// demo world, and no import cycle runs through src/hub or src/devices.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { breaches, buildImportGraph, findCycles, readSources } from '../helpers/import-graph.js';

const ROOT = join(import.meta.dirname, '..', '..');
const graph = buildImportGraph(readSources(ROOT, 'src'));
const inHubOrDevices = (file: string) => file.startsWith('src/hub/') || file.startsWith('src/devices/');

describe('import rules of src/hub and src/devices', () => {
  it('src/hub imports nothing from src/sim, src/commands, src/ui or src/bot', () => {
    const rule = { from: ['src/hub/'], mayNotImport: ['src/sim/', 'src/commands/', 'src/ui/', 'src/bot/'] };
    expect(breaches(graph, rule).map((e) => `${e.from}:${e.line} imports ${e.to}`)).toEqual([]);
  });

  it('no import cycle runs through src/hub or src/devices', () => {
    expect(findCycles(graph).filter((cycle) => cycle.some(inHubOrDevices))).toEqual([]);
  });

  it('every relative import there names a source file, so the graph misses nothing', () => {
    expect([...graph.edges.keys()].filter(inHubOrDevices).length).toBeGreaterThan(100);
    expect(graph.unresolved.filter((u) => inHubOrDevices(u.from))).toEqual([]);
  });
});
