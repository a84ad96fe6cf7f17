import { ApiError, CLIENT_ERROR_CODES } from './api-error.js';
import { apiErrorFrom, reportUnauthenticated } from './client.js';

/** The file name a `Content-Disposition` header gives (RFC 6266 `filename*` first), if any. */
export function dispositionFilename(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header);
  const name = plain?.[2] ?? plain?.[1];
  return name ? name.trim() : null;
}

/**
 * Downloads a file the API serves (templates, error rows) and saves it under its own name.
 * Fetching first, instead of following a link, turns a missing file or a lost session into
 * an ApiError the page can show rather than a JSON error saved as `.xlsx`.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError({ code: CLIENT_ERROR_CODES.network, status: 0, message: 'Network error' });
  }
  if (!res.ok) {
    const text = await res.text();
    let payload: unknown;
    try {
      payload = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      payload = undefined;
    }
    const err = apiErrorFrom(res.status, res.headers.get('Retry-After'), payload);
    if (res.status === 401) reportUnauthenticated();
    throw err;
  }
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = dispositionFilename(res.headers.get('Content-Disposition')) ?? fallbackName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
