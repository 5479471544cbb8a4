// A site's arrivals forecast as pixels, for chat, where a terminal's block
// characters do not line up: a bar an hour for the forecast, a lighter band
// behind it for the prediction interval, hour ticks along the bottom and the
// hours and the scale written in a tiny built-in digit font. At a contact
// centre each bar is split: the callers left for a person at its foot, the
// AI agent's forecast share above in a lighter blue. Only digits
// derived from numbers are drawn; no outside string reaches the image. Pure:
// RGBA bytes out; the bot encodes them (forecast-png.ts) so the PNG encoder
// never loads in the CLI.
import type { SiteForecast } from '../core/model.js';

export interface Raster {
  width: number;
  height: number;
  /** RGBA, row by row from the top. */
  data: Uint8Array;
}

type Rgb = readonly [number, number, number];

const BACKGROUND: Rgb = [255, 255, 255];
const BAND: Rgb = [198, 219, 239];
const BAR: Rgb = [33, 113, 181];
/** A contact centre's inquiries the AI agent is forecast to answer: lighter than the bar, darker than the band. */
const AI_BAR: Rgb = [107, 174, 214];
const AXIS: Rgb = [90, 90, 90];
const GRID: Rgb = [232, 232, 232];

export const CHART_WIDTH = 720;
export const CHART_HEIGHT = 300;
const MARGIN = { left: 44, right: 12, top: 16, bottom: 34 };
/** The digit font: 3×5 cells, drawn SCALE pixels to a cell. */
const SCALE = 2;

// Each digit as five rows of three bits, the high bit leftmost.
const DIGITS: readonly (readonly number[])[] = [
  [7, 5, 5, 5, 7],
  [2, 6, 2, 2, 7],
  [7, 1, 7, 4, 7],
  [7, 1, 7, 1, 7],
  [5, 5, 7, 1, 1],
  [7, 4, 7, 1, 7],
  [7, 4, 7, 5, 7],
  [7, 1, 1, 1, 1],
  [7, 5, 7, 5, 7],
  [7, 5, 7, 1, 7],
];

class Canvas implements Raster {
  readonly data: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Uint8Array(width * height * 4);
    this.fill(0, 0, width, height, BACKGROUND);
  }

  /** The rectangle [x0, x1) × [y0, y1), clipped to the canvas. */
  fill(x0: number, y0: number, x1: number, y1: number, [r, g, b]: Rgb): void {
    const left = Math.max(0, Math.round(x0));
    const right = Math.min(this.width, Math.round(x1));
    const top = Math.max(0, Math.round(y0));
    const bottom = Math.min(this.height, Math.round(y1));
    for (let y = top; y < bottom; y++) {
      for (let x = left; x < right; x++) {
        const i = (y * this.width + x) * 4;
        this.data[i] = r;
        this.data[i + 1] = g;
        this.data[i + 2] = b;
        this.data[i + 3] = 255;
      }
    }
  }

  /** A non-negative integer in the digit font, its top-left corner at (x, y); returns the width drawn. */
  number(n: number, x: number, y: number, colour: Rgb): number {
    const digits = String(Math.max(0, Math.round(n)));
    for (const [k, ch] of [...digits].entries()) {
      const rows = DIGITS[Number(ch)]!;
      const left = x + k * 4 * SCALE;
      for (const [row, bits] of rows.entries()) {
        for (let col = 0; col < 3; col++) {
          if (bits & (4 >> col)) this.fill(left + col * SCALE, y + row * SCALE, left + (col + 1) * SCALE, y + (row + 1) * SCALE, colour);
        }
      }
    }
    return textWidth(digits.length);
  }
}

const textWidth = (chars: number) => (chars * 4 - 1) * SCALE;
const GLYPH_HEIGHT = 5 * SCALE;

/** A round step for the scale's grid lines: 1, 2 or 5 times a power of ten, about four to the top. */
function gridStep(max: number): number {
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
}

export function forecastRaster(f: SiteForecast, width = CHART_WIDTH, height = CHART_HEIGHT): Raster {
  const canvas = new Canvas(width, height);
  const hours = f.hours;
  const plot = { left: MARGIN.left, right: width - MARGIN.right, top: MARGIN.top, bottom: height - MARGIN.bottom };
  const highest = Math.max(1, ...hours.map((h) => Math.max(h.upper, h.arrivalsPerHour)));
  const step = gridStep(highest);
  const top = Math.ceil(highest / step) * step;
  const yOf = (v: number) => plot.bottom - (Math.max(0, v) / top) * (plot.bottom - plot.top);

  for (let v = 0; v <= top; v += step) {
    const y = Math.round(yOf(v));
    canvas.fill(plot.left, y, plot.right, y + 1, GRID);
    const digits = String(Math.round(v)).length;
    canvas.number(v, plot.left - 6 - textWidth(digits), y - GLYPH_HEIGHT / 2, AXIS);
  }

  const slot = hours.length ? (plot.right - plot.left) / hours.length : 0;
  for (const [i, h] of hours.entries()) {
    const x0 = plot.left + i * slot;
    canvas.fill(x0, yOf(h.upper), x0 + slot, yOf(h.lower), BAND);
    const inset = Math.min(slot * 0.2, 6);
    const toPeople = h.personArrivalsPerHour ?? h.arrivalsPerHour;
    canvas.fill(x0 + inset, yOf(h.arrivalsPerHour), x0 + slot - inset, yOf(toPeople), AI_BAR);
    canvas.fill(x0 + inset, yOf(toPeople), x0 + slot - inset, plot.bottom, BAR);
  }

  canvas.fill(plot.left - 1, plot.top, plot.left, plot.bottom + 1, AXIS);
  canvas.fill(plot.left - 1, plot.bottom, plot.right, plot.bottom + 1, AXIS);
  // A tick at every hour's start; every few hours a longer one with the hour of the day under it.
  const labelEvery = Math.max(1, Math.ceil(textWidth(2) * 2 / Math.max(slot, 1)));
  for (const [i, h] of hours.entries()) {
    const x = Math.round(plot.left + i * slot);
    const hourOfDay = new Date(h.at).getUTCHours();
    const labelled = i % labelEvery === 0;
    canvas.fill(x, plot.bottom + 1, x + 1, plot.bottom + (labelled ? 7 : 4), AXIS);
    if (labelled && Number.isFinite(hourOfDay)) {
      const label = String(hourOfDay).padStart(2, '0');
      drawPadded(canvas, label, x - textWidth(2) / 2, plot.bottom + 10);
    }
  }
  return canvas;
}

// Hours keep their leading zero ("06"), which number() would drop.
function drawPadded(canvas: Canvas, label: string, x: number, y: number): void {
  for (const [k, ch] of [...label].entries()) canvas.number(Number(ch), x + k * 4 * SCALE, y, AXIS);
}
