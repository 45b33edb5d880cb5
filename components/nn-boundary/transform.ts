/** The one invertible map between math coordinates (y up) and pixels (y down) of a plot. */
export interface Domain {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export class PlotTransform {
  constructor(
    readonly domain: Domain,
    readonly width: number,
    readonly height: number,
  ) {}

  toPixel(x: number, y: number): [number, number] {
    const d = this.domain;
    return [((x - d.xMin) / (d.xMax - d.xMin)) * this.width, ((d.yMax - y) / (d.yMax - d.yMin)) * this.height];
  }

  toMath(px: number, py: number): [number, number] {
    const d = this.domain;
    return [d.xMin + (px / this.width) * (d.xMax - d.xMin), d.yMax - (py / this.height) * (d.yMax - d.yMin)];
  }

  /** Keeps a point inside the domain. */
  clamp(x: number, y: number): [number, number] {
    const d = this.domain;
    return [Math.min(d.xMax, Math.max(d.xMin, x)), Math.min(d.yMax, Math.max(d.yMin, y))];
  }
}

/** "xmin,xmax,ymin,ymax" → a Domain, or undefined when it is not four increasing pairs. */
export function parseDomain(text: string): Domain | undefined {
  const n = text.split(/[\s,]+/).filter(Boolean).map(Number);
  // A span that overflows ("-1e308,1e308") has no pixel scale.
  if (n.length !== 4 || !n.every(Number.isFinite) || !(n[0] < n[1]) || !(n[2] < n[3]) || !Number.isFinite(n[1] - n[0]) || !Number.isFinite(n[3] - n[2])) return undefined;
  return { xMin: n[0], xMax: n[1], yMin: n[2], yMax: n[3] };
}
