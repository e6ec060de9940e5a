import { closeSync, openSync, readSync } from 'node:fs';

/** `length` bytes of a file from `offset` (fewer at its end), without reading the rest of it. */
export function readRange(path: string, offset: number, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    return buffer.subarray(0, readSync(fd, buffer, 0, length, offset));
  } finally {
    closeSync(fd);
  }
}
