// The forecast chart as PNG bytes for an upload. pngjs (pure JS) is imported
// here and only here, and this module only by dynamic import from the Slack
// listeners, so the CLI never loads the encoder.
import { PNG } from 'pngjs';
import type { SiteForecast } from '../../core/model.js';
import { forecastRaster } from '../../render/forecast-raster.js';

export function forecastPng(f: SiteForecast): Buffer {
  const raster = forecastRaster(f);
  const png = new PNG({ width: raster.width, height: raster.height });
  png.data = Buffer.from(raster.data.buffer, raster.data.byteOffset, raster.data.byteLength);
  return PNG.sync.write(png, { colorType: 2 });
}
