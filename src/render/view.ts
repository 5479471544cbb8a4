// What every renderer is told about where its output goes.
import type { Lang } from './labels.js';

export interface RenderContext {
  /** stdout is a terminal: aligned tables, relative times, truncation allowed. */
  tty: boolean;
  color: boolean;
  width: number;
  lang: Lang;
  now: Date;
  /** `-o wide`: list views add the columns a default table leaves out. */
  wide?: boolean;
}
