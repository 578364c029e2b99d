// How far the plans have got: the strategic tasks their Domain Lead has broken down (their
// tactical tasks may be released), and the tactical tasks finished (COMPLETED or CANCELLED: their
// dependents may start).

export class Progress {
  private readonly brokenDown = new Set<string>();
  private readonly finished = new Set<string>();

  brokeDown(strategic: string): void {
    this.brokenDown.add(strategic);
  }

  isBrokenDown(strategic: string): boolean {
    return this.brokenDown.has(strategic);
  }

  finish(task: string): void {
    this.finished.add(task);
  }

  isFinished(task: string): boolean {
    return this.finished.has(task);
  }
}
