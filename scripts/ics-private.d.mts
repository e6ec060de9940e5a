export function icsPrivateEntryPoints(root: string): Record<string, string>;
export function foldIcsLinesByOctets(root: string): { name: string; setup(build: unknown): void };
