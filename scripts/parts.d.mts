export const PARTS: Record<string, { commands: string[]; subcommands?: string[]; without: string[] }>;
