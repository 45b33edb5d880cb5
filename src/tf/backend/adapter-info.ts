/**
 * The GPU adapter's description, for the student to see which GPU trains their model ("nvidia / ampere"), or that
 * WebGPU runs on a software fallback (SwiftShader in CI).
 */

/** What WebGPU says about its adapter (GPUAdapterInfo), with empty strings where the browser withholds it. */
export interface GpuAdapterDescription {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  /** A software or otherwise limited adapter (SwiftShader, a blocklisted GPU). */
  isFallbackAdapter: boolean;
}

interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}
interface AdapterLike {
  info?: AdapterInfoLike;
  isFallbackAdapter?: boolean;
  requestAdapterInfo?: () => Promise<AdapterInfoLike>;
}
interface GpuLike {
  requestAdapter(options?: { powerPreference?: string }): Promise<AdapterLike | null>;
}

/** `navigator.gpu` where this context has one (pages and workers of a WebGPU browser, Node with Dawn). */
export function navigatorGpu(): GpuLike | null {
  const nav = (globalThis as { navigator?: { gpu?: GpuLike } }).navigator;
  return nav?.gpu ?? null;
}

/**
 * Describes the adapter TF.js's WebGPU backend asks for (high-performance), or null where WebGPU has no adapter.
 * Uses `adapter.info` (Chrome 127+), else the older `requestAdapterInfo()`.
 */
export async function describeGpuAdapter(): Promise<GpuAdapterDescription | null> {
  const gpu = navigatorGpu();
  if (!gpu) return null;
  let adapter: AdapterLike | null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch {
    return null;
  }
  if (!adapter) return null;
  const info: AdapterInfoLike = adapter.info ?? (adapter.requestAdapterInfo ? await adapter.requestAdapterInfo() : {});
  return {
    vendor: info.vendor ?? '',
    architecture: info.architecture ?? '',
    device: info.device ?? '',
    description: info.description ?? '',
    isFallbackAdapter: Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false),
  };
}

/** "nvidia ampere (NVIDIA GeForce RTX 3080)", "google swiftshader (software)": one line for the UI. */
export function adapterLabel(a: GpuAdapterDescription): string {
  const name = [a.vendor, a.architecture].filter(Boolean).join(' ') || 'unknown GPU';
  const extra = [a.description || a.device, a.isFallbackAdapter ? 'software fallback' : ''].filter(Boolean);
  return extra.length ? `${name} (${extra.join(', ')})` : name;
}
