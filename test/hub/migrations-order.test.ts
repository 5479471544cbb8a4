// Migrations land from branches written side by side, each taking a number
// ahead of time; the list must still read in order, with no number taken twice,
// because tests and readers take its order as the order a store applies them.
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/hub/store/sqlite/migrations.js';

describe('the migrations', () => {
  it('are listed in version order, each number once', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });
});
