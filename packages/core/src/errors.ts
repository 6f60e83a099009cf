// The named error that bad data sets throw, so callers can tell data problems from bugs.

/** Thrown for a data set that cannot be used; `line` is the 1-based text line when one is to blame. */
export class DatasetError extends Error {
  readonly line: number | undefined;

  constructor(message: string, line?: number) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'DatasetError';
    this.line = line;
  }
}
