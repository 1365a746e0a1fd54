/**
 * Text and box sizes for the lifecycle diagrams. The layout runs at build time without a browser,
 * so text is measured by character count in the monospace font the component draws with; the
 * constants here and the component's CSS must agree.
 * @module
 */

/** Font size of state names and event labels, in px (the component's CSS uses the same). */
export const FONT_SIZE = 12;
/** Advance width of one monospace character at {@link FONT_SIZE}, in px, with a little slack. */
export const CHAR_WIDTH = 7.6;
/** Line height of labels, in px. */
export const LINE_HEIGHT = 15;
/** Height of an atomic state box. */
export const STATE_HEIGHT = 34;
/** Horizontal padding inside an atomic state box, each side. */
export const STATE_PAD_X = 14;
/** Height reserved at the top of a compound or parallel state for its title. */
export const TITLE_HEIGHT = 26;
/** Diameter of the initial-state marker. */
export const INITIAL_SIZE = 12;

/** Width of `text` drawn in the diagram font. */
export function textWidth(text: string): number {
  return Math.ceil(text.length * CHAR_WIDTH);
}

/** Size of an atomic state box holding `name`. */
export function stateSize(name: string): { width: number; height: number } {
  return { width: Math.max(72, textWidth(name) + 2 * STATE_PAD_X), height: STATE_HEIGHT };
}

/** Size of an edge label box: the event on one line and, if any, the guard in brackets below it. */
export function labelSize(event: string, guard?: string): { width: number; height: number } {
  const lines = guard ? [event, `[${guard}]`] : [event];
  return { width: Math.max(...lines.map(textWidth)) + 8, height: lines.length * LINE_HEIGHT + 4 };
}
