import { ApiError, CLIENT_ERROR_CODES } from './api-error.js';
import {
  apiErrorFrom,
  buildUrl,
  csrfHeaders,
  isCsrfFailure,
  refreshCsrfToken,
  reportUnauthenticated,
} from './client.js';
import type { SubmissionAccepted, SubmissionMode } from './types.js';

/** File extensions the exchange reads, with the media type each is sent as. */
export const UPLOAD_TYPES: Readonly<Record<string, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  ndjson: 'application/x-ndjson',
  json: 'application/json',
};

/** The lower-cased extension of a file name (`''` when there is none). */
export function fileExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export interface UploadRequest {
  file: File;
  type: string;
  mode: SubmissionMode;
  /** The same key for every attempt of one upload, so a repeated attempt is not processed twice. */
  idempotencyKey: string;
  onProgress?: (loaded: number, total: number) => void;
}

export interface UploadHandle {
  /** Resolves with the 202 answer; rejects with ApiError, or a DOMException `AbortError` when cancelled. */
  result: Promise<SubmissionAccepted>;
  abort: () => void;
}

/**
 * A random UUID v4. `crypto.randomUUID` exists only on HTTPS and localhost; a district LAN may
 * serve the platform over plain HTTP, where `getRandomValues` still works.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Sends one file to `POST /api/v1/submissions` as multipart (field `file`; type, mode and
 * file name in the query), with XMLHttpRequest so the upload's progress can be shown.
 * A stale CSRF token is repaired once, as `apiRequest` does.
 */
export function uploadSubmission(request: UploadRequest): UploadHandle {
  let current: XMLHttpRequest | null = null;
  let aborted = false;

  const sendOnce = (): Promise<SubmissionAccepted> =>
    new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      current = xhr;
      const url = buildUrl('/api/v1/submissions', {
        type: request.type,
        mode: request.mode,
        filename: request.file.name,
      });
      xhr.open('POST', url);
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.setRequestHeader('Idempotency-Key', request.idempotencyKey);
      for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (event) => {
        request.onProgress?.(event.loaded, event.lengthComputable ? event.total : request.file.size);
      };
      xhr.onload = () => {
        const payload = parseJson(xhr.responseText);
        if (xhr.status >= 200 && xhr.status < 300) {
          resolve(payload as SubmissionAccepted);
          return;
        }
        reject(apiErrorFrom(xhr.status, xhr.getResponseHeader('Retry-After'), payload));
      };
      xhr.onerror = () =>
        reject(new ApiError({ code: CLIENT_ERROR_CODES.network, status: 0, message: 'Network error' }));
      xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
      const form = new FormData();
      const ext = fileExtension(request.file.name);
      const mediaType = UPLOAD_TYPES[ext];
      // Browsers often give .ndjson (and on some systems .csv) no type; name it for the server.
      const blob = mediaType && !request.file.type ? new Blob([request.file], { type: mediaType }) : request.file;
      form.append('file', blob, request.file.name);
      xhr.send(form);
    });

  const attempt = async (): Promise<SubmissionAccepted> => {
    try {
      return await sendOnce();
    } catch (err) {
      if (!aborted && err instanceof ApiError && isCsrfFailure(err) && (await refreshCsrfToken())) return sendOnce();
      throw err;
    }
  };
  const result = attempt().catch((err: unknown) => {
    if (!aborted && err instanceof ApiError && err.status === 401) reportUnauthenticated();
    throw err;
  });

  return {
    result,
    abort: () => {
      aborted = true;
      current?.abort();
    },
  };
}
