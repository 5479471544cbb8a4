// Text that came from outside — alert annotations written by any Prometheus
// rule author, notes, names, what a device said, a hub's error message — must
// not drive the officer's terminal. A raw ESC can retitle or clear it, a CR or
// newline can forge a line of a timeline, a tab shifts the columns `cut`
// reads, a bidi override shows "exe.png" as "gnp.exe". So every such character
// is swapped for a visible, inert stand-in: C0 controls for their Control
// Pictures (ESC → ␛, line feed → ␊), DEL for ␡, and C1 controls, bidi
// embeddings, overrides and isolates, and the line and paragraph separators
// spelled out (\u202e). Arabic letters and the marks Arabic text needs (LRM,
// RLM, ALM) pass untouched. Applied once, to the data a renderer is handed
// (inertView), never inside each renderer; --json prints the data as it is.

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// The same class, unflagged: asking first lets the clean strings (nearly all of them) through without a copy.
const HAS_UNSAFE = new RegExp(UNSAFE.source);
const CONTROL_PICTURES = 0x2400;

function standIn(ch: string): string {
  const cp = ch.charCodeAt(0);
  if (cp < 0x20) return String.fromCharCode(CONTROL_PICTURES + cp);
  if (cp === 0x7f) return '\u2421';
  return `\\u${cp.toString(16).padStart(4, '0')}`;
}

/** `text` with every control character, bidi control and line separator made visible and inert. */
export function inertText(text: string): string {
  return HAS_UNSAFE.test(text) ? text.replace(UNSAFE, standIn) : text;
}

const isPlainObject = (v: object): boolean => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * A copy of `value` with every string in it — object keys included, at any
 * depth of arrays and plain objects — passed through inertText. Anything else
 * (numbers, dates, functions, class instances) is kept as it is.
 */
export function inertView<T>(value: T): T {
  if (typeof value === 'string') return inertText(value) as T;
  if (Array.isArray(value)) return value.map(inertView) as T;
  if (value !== null && typeof value === 'object' && isPlainObject(value)) {
    // A loop, not fromEntries(entries().map()): a fleet's status is thousands of small objects.
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const shownKey = inertText(key);
      const shown = inertView((value as Record<string, unknown>)[key]);
      // JSON.parse makes "__proto__" an own key; assigning it would set the copy's prototype instead.
      if (shownKey === '__proto__') Object.defineProperty(copy, shownKey, { value: shown, enumerable: true, writable: true, configurable: true });
      else copy[shownKey] = shown;
    }
    return copy as T;
  }
  return value;
}
