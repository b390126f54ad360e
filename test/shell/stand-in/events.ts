/**
 * The event object Electron passes to cancellable events (`close`, `will-navigate`,
 * `before-quit`…): only `preventDefault` and what tests read back.
 */
export class StandInEvent {
  defaultPrevented = false;

  preventDefault(): void {
    this.defaultPrevented = true;
  }
}
