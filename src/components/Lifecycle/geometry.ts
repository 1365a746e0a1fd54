/**
 * SVG geometry for the lifecycle diagrams: edge paths with rounded corners and arrow heads.
 * @module
 */
import type { Point } from '../../plugins/lifecycle/types';

/** Length of an arrow head along the edge, in px. */
const ARROW = 8;

/** An SVG path through `points` whose corners are rounded with radius up to `radius`. */
export function roundedPath(points: readonly Point[], radius = 6): string {
  if (points.length === 0) return '';
  const f = (n: number): string => String(Math.round(n * 10) / 10);
  let d = `M${f(points[0].x)},${f(points[0].y)}`;
  for (let i = 1; i < points.length; i++) {
    const p = points[i];
    const next = points[i + 1];
    if (!next) {
      d += `L${f(p.x)},${f(p.y)}`;
      break;
    }
    const prev = points[i - 1];
    const r = Math.min(radius, Math.hypot(p.x - prev.x, p.y - prev.y) / 2, Math.hypot(next.x - p.x, next.y - p.y) / 2);
    const a = towards(p, prev, r);
    const b = towards(p, next, r);
    d += `L${f(a.x)},${f(a.y)}Q${f(p.x)},${f(p.y)} ${f(b.x)},${f(b.y)}`;
  }
  return d;
}

function towards(from: Point, to: Point, dist: number): Point {
  const len = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  return { x: from.x + ((to.x - from.x) / len) * dist, y: from.y + ((to.y - from.y) / len) * dist };
}

/** The `points` attribute of a triangular arrow head at the end of a route. */
export function arrowHead(points: readonly Point[]): string {
  if (points.length < 2) return '';
  const tip = points[points.length - 1];
  const from = points[points.length - 2];
  const len = Math.hypot(tip.x - from.x, tip.y - from.y) || 1;
  const ux = (tip.x - from.x) / len;
  const uy = (tip.y - from.y) / len;
  const bx = tip.x - ux * ARROW;
  const by = tip.y - uy * ARROW;
  const w = ARROW * 0.45;
  const f = (n: number): string => String(Math.round(n * 10) / 10);
  return `${f(tip.x)},${f(tip.y)} ${f(bx - uy * w)},${f(by + ux * w)} ${f(bx + uy * w)},${f(by - ux * w)}`;
}
