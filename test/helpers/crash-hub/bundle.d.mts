/** The path of the crash child, built with esbuild under .tmp/ (once per process). */
export function crashChild(): Promise<string>;
