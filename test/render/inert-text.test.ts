// inertText and inertView: what outside text looks like once it cannot drive a terminal.
import { describe, expect, it } from 'vitest';
import { inertText, inertView } from '../../src/render/inert-text.js';

describe('inertText', () => {
  it('C0 controls become their Control Pictures, DEL ␡, C1 controls and bidi controls are spelled out', () => {
    expect(inertText('\x1b]0;PWNED\x07\x1b[2J')).toBe('␛]0;PWNED␇␛[2J');
    expect(inertText('a\tb\nc\rd\x00\x7f')).toBe('a␉b␊c␍d␀␡');
    expect(inertText('\x9b31m')).toBe('\\u009b31m');
    expect(inertText('\u202egnp.exe \u2066x\u2069 \u2028')).toBe('\\u202egnp.exe \\u2066x\\u2069 \\u2028');
  });

  it('leaves Arabic, its marks and everyday text untouched', () => {
    const arabic = 'مطار الملك خالد الدولي \u200f(RUH)\u200e \u061c٣ ساعات — café ✓';
    expect(inertText(arabic)).toBe(arabic);
  });
});

describe('inertView', () => {
  it('every string at any depth, keys included; numbers, null, dates and functions kept', () => {
    const at = new Date(0);
    const run = () => 1;
    const view = inertView({ title: 'x\x1b', n: 3, none: null, at, run, list: [{ labels: { ['k\x07']: 'v\n' } }] });
    expect(view).toEqual({ title: 'x␛', n: 3, none: null, at, run, list: [{ labels: { 'k␇': 'v␊' } }] });
    expect(view.at).toBe(at);
  });

  it('copies, never changes, what it is given', () => {
    const data = { title: '\x1b' };
    inertView(data);
    expect(data.title).toBe('\x1b');
  });

  it('keeps a hostile "__proto__" key as a key of the copy, never as its prototype', () => {
    const data = JSON.parse('{"__proto__": {"polluted": "\\u001b[2J"}, "name": "ok"}') as Record<string, unknown>;
    const shown = inertView(data) as Record<string, unknown>;
    expect(Object.getPrototypeOf(shown)).toBe(Object.prototype);
    expect(Object.hasOwn(shown, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(shown, '__proto__')?.value).toEqual({ polluted: '\u241b[2J' });
    expect((shown as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
