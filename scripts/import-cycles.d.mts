// Types for import-cycles.mjs, so test/architecture can use it from TypeScript.
export declare const ROOT: string;
export declare function sourceFiles(dir?: string): string[];
export declare function importsOf(file: string): string[];
export declare function importGraph(files?: string[]): Map<string, string[]>;
export declare function cycles(graph: Map<string, string[]>): string[][];
export declare function cyclesTouching(dirs: string[], graph?: Map<string, string[]>): string[][];
