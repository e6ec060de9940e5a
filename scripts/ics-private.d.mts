export function icsPrivateEntryPoints(root: string): Record<string, string>;
export function keepIcsLinesWhole(root: string): { name: string; setup(build: unknown): void };
