/**
 * Reads chosen members of a zip download, refusing any member whose declared size is past
 * a sane bound before inflating it (fflate sizes the output buffer from that declaration,
 * so a member cannot grow past it): a 1.2 MB zip once took 1.3 GB of memory, then failed.
 */
import { ExitCode, UserError } from '../errors.js';

/** No official DAPIP or IPEDS CSV comes near this; a member past it is refused unread. */
export const MAX_MEMBER_BYTES = 200 * 1024 * 1024;

export async function readZipMembers(
  bytes: Uint8Array,
  path: string,
  wanted: (name: string) => boolean,
  limit = MAX_MEMBER_BYTES,
): Promise<Record<string, string>> {
  const { unzipSync, strFromU8 } = await import('fflate');
  let tooBig: { name: string; size: number } | null = null;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        if (!wanted(f.name)) return false;
        if (f.originalSize > limit) {
          tooBig ??= { name: f.name, size: f.originalSize };
          return false;
        }
        return true;
      },
    });
  } catch (error) {
    throw new UserError(`${path} is not a readable zip file (${(error as Error).message})`, {
      hint: 'the download may be incomplete: download it again',
    });
  }
  const big = tooBig as { name: string; size: number } | null;
  if (big) {
    throw new UserError(
      `${path}: ${big.name} would expand to ${Math.round(big.size / 1024 / 1024)} MB, past the ${Math.round(limit / 1024 / 1024)} MB limit; refused before reading it`,
      { exitCode: ExitCode.usage, hint: 'this is not an official download: get the file again from its official page' },
    );
  }
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(entries)) out[name] = strFromU8(data);
  return out;
}

export const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;
