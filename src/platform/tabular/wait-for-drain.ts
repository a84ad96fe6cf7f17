import type { EventEmitter } from 'node:events';

/**
 * Resolves when a writable stream drains or closes. It never rejects: stream errors are kept by
 * the owner and thrown on the next write, so a caller that does not await cannot crash Node.
 */
export function waitForDrain(stream: EventEmitter): Promise<void> {
  return new Promise<void>((resolve) => {
    const settle = (): void => {
      stream.off('drain', settle);
      stream.off('close', settle);
      resolve();
    };
    stream.on('drain', settle);
    stream.on('close', settle);
  });
}
