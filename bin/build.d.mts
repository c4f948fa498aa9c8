// Types of bin/build.mjs (plain JavaScript so that it runs before anything is built).
export declare const REPO_ROOT: string;
export declare const OUT_DIR: string;
export declare function sourceTree(root?: string): { files: string[]; assets: string[]; fingerprint: string };
export declare function isStale(root?: string): boolean;
export declare function build(root?: string): Promise<number>;
export declare function ensureBuilt(root?: string, builder?: (root: string) => Promise<number>): Promise<boolean>;
export declare function buildErrorLines(err: unknown): string[];
