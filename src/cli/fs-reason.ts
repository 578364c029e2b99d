// File system failures in words: a message names the path and says why, not just `EACCES`.

const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space is left on the device',
  EDQUOT: 'the disk quota is exceeded',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EEXIST: 'something already exists there',
  ENOENT: 'a part of the path does not exist',
  ENAMETOOLONG: 'the path or one of its names is too long',
  ELOOP: 'it goes round a loop of symbolic links',
  EIO: 'the device reported an input/output error',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EBUSY: 'it is busy',
  ENOTEMPTY: 'the folder is not empty',
  EXDEV: 'it is on another device',
};

/** An error raised by a `node:fs` call: it has an `E…` code and names the call that failed. */
export function isFsError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return (
    error instanceof Error &&
    typeof (error as NodeJS.ErrnoException).code === 'string' &&
    /^E[A-Z]+$/.test((error as NodeJS.ErrnoException).code ?? '') &&
    typeof (error as NodeJS.ErrnoException).syscall === 'string'
  );
}

/** "permission denied (EACCES)" */
export function fsReason(error: NodeJS.ErrnoException & { code: string }): string {
  return `${REASONS[error.code] ?? error.message} (${error.code})`;
}
